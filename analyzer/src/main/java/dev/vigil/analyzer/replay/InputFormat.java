package dev.vigil.analyzer.replay;

import dev.vigil.shippers.container.ContainerLogFormat;
import dev.vigil.shippers.kmsg.DmesgTextParser;
import dev.vigil.shippers.syslog.SyslogLineParser;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of saved log {@code vigil replay} reads, told apart by their first line. */
public enum InputFormat {
    /** {@code journalctl -o json} lines. */
    JOURNAL_JSON,
    /** Vigil event JSON lines, as on {@code vigil.events}: objects with the event's required fields. */
    EVENT_JSON,
    /** /dev/kmsg records: {@code pri,seq,ts_usec,flags;message} plus {@code " KEY=value"} lines. */
    KMSG,
    /** {@code dmesg} text: {@code [  123.456789] message} or {@code dmesg -T} stamps. */
    DMESG,
    /**
     * Syslog text files (RFC 3164, rsyslog's RFC 3339 form, RFC 5424) and {@code journalctl -o short},
     * {@code short-iso}, {@code short-precise}, {@code short-iso-precise}, {@code short-full},
     * {@code short-unix} and {@code short-monotonic} (seconds since boot: needs the boot time) exports.
     */
    SYSLOG,
    /**
     * An application's own log: one stream, times parsed from the lines; JSON lines that are not
     * Vigil events (zap, pino, slog, …) and logfmt lines too, each line an event with its own time.
     */
    TEXT,
    /** A Kubernetes container log (CRI: containerd, CRI-O): {@code 2016-10-06T00:17:09.669794202Z stderr F output}. */
    CRI,
    /** A Docker json-file container log: {@code {"log":"output\n","stream":"stderr","time":"…"}}. */
    DOCKER_JSON;

    private static final Pattern KMSG_RECORD = Pattern.compile("^\\d+,\\d+,\\d+,[^;]*;");
    /** Tells syslog lines by their shape only, so the zone does not matter. */
    private static final SyslogLineParser SYSLOG_SHAPE = new SyslogLineParser(ZoneOffset.UTC);

    /**
     * The format a file starting with {@code firstLine} is in ({@code journalctl}'s
     * {@code -- Logs begin at … --} line is not a first line: see {@link #isPreamble}).
     */
    public static InputFormat detect(String firstLine) {
        String line = firstLine.strip();
        // before JSON and syslog: a CRI record's stamp and stream read as a syslog stamp and host
        ContainerLogFormat container = ContainerLogFormat.detect(line);
        if (container != null) {
            return container == ContainerLogFormat.CRI ? CRI : DOCKER_JSON;
        }
        if (line.startsWith("{")) {
            if (line.contains("\"__CURSOR\"") || line.contains("\"__REALTIME_TIMESTAMP\"")) {
                return JOURNAL_JSON;
            }
            return EventFields.present(line) ? EVENT_JSON : TEXT;
        }
        if (KMSG_RECORD.matcher(line).find()) {
            return KMSG;
        }
        // before dmesg: journalctl -o short-monotonic has dmesg's stamp, then a host and a tag
        if (SyslogLineParser.isShortMonotonic(line)) {
            return SYSLOG;
        }
        if (DmesgTextParser.looksLikeDmesg(line)) {
            return DMESG;
        }
        if (SYSLOG_SHAPE.looksLikeSyslog(line)) {
            return SYSLOG;
        }
        return TEXT;
    }

    /**
     * The format of a file whose first lines (after {@link #isPreamble preamble}) are {@code head}:
     * as {@link #detect(String)} tells from the first, except that a file of Vigil events whose
     * first line is broken (cut short, a field missing) is still one when a later line of the head is an event.
     */
    public static InputFormat detect(List<String> head) {
        if (head.isEmpty()) {
            return detect("");
        }
        InputFormat first = detect(head.get(0));
        if (first != TEXT || !head.get(0).strip().startsWith("{")) {
            return first;
        }
        for (String line : head.subList(1, head.size())) {
            if (EventFields.present(line.strip())) {
                return EVENT_JSON;
            }
        }
        return first;
    }

    /** True for lines that come before the first entry and say nothing of the format: blank, journalctl's markers. */
    public static boolean isPreamble(String line) {
        return line.isBlank() || SyslogLineParser.isJournalMarker(line.strip());
    }

    /** The container log format this is; null for the others. */
    public ContainerLogFormat container() {
        return switch (this) {
            case CRI -> ContainerLogFormat.CRI;
            case DOCKER_JSON -> ContainerLogFormat.DOCKER_JSON;
            default -> null;
        };
    }

    /** Parses the spelling used on the command line and in scenario files ({@code journal-json}). */
    public static InputFormat parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
