package dev.vigil.analyzer.replay;

import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of saved log {@code vigil replay} reads, told apart by their first line. */
public enum InputFormat {
    /** {@code journalctl -o json} lines. */
    JOURNAL_JSON,
    /** Vigil event JSON lines, as on {@code vigil.events}. */
    EVENT_JSON,
    /** /dev/kmsg records: {@code pri,seq,ts_usec,flags;message} plus {@code " KEY=value"} lines. */
    KMSG,
    /** {@code dmesg} text: {@code [  123.456789] message} or {@code dmesg -T} stamps. */
    DMESG,
    /** An application's own log: one stream, times parsed from the lines. */
    TEXT;

    private static final Pattern KMSG_RECORD = Pattern.compile("^\\d+,\\d+,\\d+,[^;]*;");
    private static final Pattern DMESG_LINE = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\]|^\\[\\w{3} \\w{3} [ \\d]\\d ");

    /** The format a file starting with {@code firstLine} is in. */
    public static InputFormat detect(String firstLine) {
        String line = firstLine.strip();
        if (line.startsWith("{")) {
            return line.contains("\"__CURSOR\"") || line.contains("\"__REALTIME_TIMESTAMP\"") ? JOURNAL_JSON : EVENT_JSON;
        }
        if (KMSG_RECORD.matcher(line).find()) {
            return KMSG;
        }
        if (DMESG_LINE.matcher(line).find()) {
            return DMESG;
        }
        return TEXT;
    }

    /** Parses the spelling used on the command line and in scenario files ({@code journal-json}). */
    public static InputFormat parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
