package dev.vigil.shippers.file;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.container.ContainerLogFormat;
import dev.vigil.shippers.container.ContainerLogPath;
import dev.vigil.shippers.container.ContainerRecord;
import dev.vigil.shippers.filter.LineLevel;
import dev.vigil.shippers.syslog.SyslogEventMapper;
import dev.vigil.shippers.syslog.SyslogLine;
import dev.vigil.shippers.syslog.SyslogLineParser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the events of one tailed file: a syslog file's lines become kernel and journald events
 * (see {@link SyslogEventMapper}), as replay makes them; any other line, or a syslog file's line
 * that is not one, becomes a text event stamped from its leading timestamp; a container log's
 * records are unwrapped first ({@link ContainerLines}) and their lines' events take the record's
 * time and stream. With format auto, the first line that is not blank tells which kind of file a
 * generation is.
 */
final class FileEvents {
    private static final Logger log = LoggerFactory.getLogger(FileEvents.class);

    private final TailContext ctx;
    private final FileFormat format;
    /** Remembers the units systemd named in this file, for the lines of their programs. */
    private final SyslogEventMapper syslogEvents = new SyslogEventMapper();
    /** Whether this generation's lines are syslog lines; null until the first line tells (format auto). */
    private Boolean syslog;
    /** This generation's container log records, when it is a container's log file; else null. */
    private ContainerLines container;
    /** Whether a text file's lines carry stamps, which tells how they become events ({@link Framing}). */
    private final FileHead head;
    /** The last line framed by its stamp, and that stamp: the event it starts takes it without reading it again. */
    private String framedLine;
    private Optional<Instant> framedStamp;

    /** A line to make events of, and where it (its first record, in a container log) starts. */
    record Line(DecodedLine text, long start) {}

    FileEvents(TailContext ctx, FileFormat format, FileHead head) {
        this.ctx = ctx;
        this.format = format;
        this.head = head;
    }

    /** A new generation of the file begins: a file truncated and rewritten may be another kind of log. */
    void newGeneration() {
        syslog = switch (format) {
            case SYSLOG -> Boolean.TRUE;
            case TEXT, CRI, DOCKER_JSON -> Boolean.FALSE;
            case AUTO -> null;
        };
        container = format.container() == null ? null : containerLines(format.container());
        head.reset(format.container());
    }

    /**
     * Notes a line read (the first one that is not blank decides the kind of a format-auto file)
     * and gives the line to make events of: a container log's output, or null while its record is
     * partial and waits for the rest of the line.
     */
    Line read(DecodedLine line, long start, long end, Path path) {
        String text = line.text();
        if (syslog == null && !text.isBlank()) {
            // before syslog: "<RFC 3339 stamp> stdout F ..." reads as a syslog stamp and host
            ContainerLogFormat kind = ContainerLogFormat.detect(text);
            container = kind == null ? null : containerLines(kind);
            head.reset(kind);
            syslog = kind == null && ctx.syslog().looksLikeSyslog(text);
            if (syslog) {
                log.info("Reading syslog lines as kernel and journald events file={}", path);
            } else if (kind != null) {
                log.info("Reading container log records file={} format={}", path, kind);
            }
        }
        head.read(text, start, end);
        return container == null ? new Line(line, start) : container.unwrap(line, start, path);
    }

    /**
     * Where to resume after the event ending at {@code end} is acknowledged: there, or where a
     * container's partial record still held starts (a line of the other stream may complete first).
     */
    long resumeAt(long end) {
        return container == null ? end : Math.min(end, container.heldFrom());
    }

    private ContainerLines containerLines(ContainerLogFormat kind) {
        return new ContainerLines(kind, ctx.config().maxLineBytes(), ctx.metrics());
    }

    /** Whether this is an app log (a container's output too) whose lines carry stamps: its blank lines then never make an event ({@link Framing}). */
    boolean framesByStamps() {
        return Boolean.FALSE.equals(syslog) && head.isStamped();
    }

    /** Whether {@code line}, read at {@code now}, continues the event {@code p}, by the built-in rule for this kind of file. */
    boolean continues(DecodedLine line, PendingEvent p, Instant now) {
        if (Boolean.TRUE.equals(syslog)) {
            return SyslogLineParser.continues(line.text());
        }
        boolean joins;
        if (framesByStamps()) {
            framedLine = line.text();
            framedStamp = head.stamps().parse(framedLine, now);
            joins = Framing.continuesStamped(framedLine, framedStamp.isPresent());
        } else {
            joins = MultilineRule.continues(line.text(), p.inTraceback);
        }
        return joins && (line.record() == null || p.lastRecord() == null
                        || line.record().mayContinue(p.lastRecord(), ctx.config().multilineTimeout()));
    }

    /** The stamp of {@code line} when it was read to frame it (this very line: the same String, not an equal one), else null. */
    Optional<Instant> stampRead(DecodedLine line) {
        return line.text() == framedLine ? framedStamp : null;
    }

    /** The event of the lines held, not yet given its id, partial mark and flags. */
    Event.Builder of(PendingEvent p, Path path) {
        Event.Builder b = Boolean.TRUE.equals(syslog) ? syslogEvent(p) : null;
        if (b != null) {
            return b;
        }
        ContainerRecord record = p.record();
        // a container line takes its record's stamp, not one in the output: that is when the runtime read it
        Instant ts = record != null ? record.time()
                : (p.stamp != null ? p.stamp : head.stamps().parse(p.firstLine(), p.readAt)).orElse(p.readAt);
        String text = p.text();
        b = Event.builder(ctx.host(), Source.FILE, ts, text)
                .priority(LineLevel.of(text))
                .file(path.toString())
                .offset(p.start);
        if (record != null) {
            b.fields(record.fields(container != null ? container.pathFields(path) : ContainerLogPath.fields(path.toString())));
        }
        return b;
    }

    /** The kernel or journald event of a syslog line; null when the line is not one (shipped as text). */
    private Event.Builder syslogEvent(PendingEvent p) {
        Optional<SyslogLine> line = ctx.syslog().parse(p.firstLine(), p.readAt);
        if (line.isEmpty()) {
            return null;
        }
        String text = p.text();
        String continuation = text.length() > p.firstLine().length() ? text.substring(p.firstLine().length() + 1) : null;
        return syslogEvents.toEvent(line.get(), continuation, ctx.host());
    }

    /**
     * The shipper's own event about the file (truncated, rotated away, deleted), with an id stable
     * for the file's stream, the kind and the offset, so a restart that reports it again repeats it.
     */
    Event observation(String kind, String message, Map<String, String> fields, String streamId, Path path, long offset) {
        return Event.builder(ctx.host(), Source.SHIPPER, ctx.clock().instant(), message)
                .id(EventIds.of(ctx.host(), Source.SHIPPER, streamId, kind + ":" + offset))
                .identifier(kind)
                .file(path.toString())
                .offset(offset)
                .fields(fields)
                .build();
    }
}
