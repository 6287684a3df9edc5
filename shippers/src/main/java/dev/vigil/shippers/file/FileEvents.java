package dev.vigil.shippers.file;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
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
 * that is not one, becomes a text event stamped from its leading timestamp. With format auto, the
 * first line that is not blank tells which kind of file a generation is.
 */
final class FileEvents {
    private static final Logger log = LoggerFactory.getLogger(FileEvents.class);

    private final TailContext ctx;
    private final FileFormat format;
    /** Remembers the units systemd named in this file, for the lines of their programs. */
    private final SyslogEventMapper syslogEvents = new SyslogEventMapper();
    /** Whether this generation's lines are syslog lines; null until the first line tells (format auto). */
    private Boolean syslog;

    FileEvents(TailContext ctx, FileFormat format) {
        this.ctx = ctx;
        this.format = format;
    }

    /** A new generation of the file begins: a file truncated and rewritten may be another kind of log. */
    void newGeneration() {
        syslog = switch (format) {
            case SYSLOG -> Boolean.TRUE;
            case TEXT -> Boolean.FALSE;
            case AUTO -> null;
        };
    }

    /** Notes a line read; the first one that is not blank decides the kind of a format-auto file. */
    void sawLine(String text, Path path) {
        if (syslog == null && !text.isBlank()) {
            syslog = ctx.syslog().looksLikeSyslog(text);
            if (syslog) {
                log.info("Reading syslog lines as kernel and journald events file={}", path);
            }
        }
    }

    /** Whether {@code text} continues the event before it, by the built-in rule for this kind of file. */
    boolean continues(String text, boolean inTraceback) {
        return Boolean.TRUE.equals(syslog) ? SyslogLineParser.continues(text) : MultilineRule.continues(text, inTraceback);
    }

    /** The event of the lines held, not yet given its id, partial mark and flags. */
    Event.Builder of(PendingEvent p, Path path) {
        Event.Builder b = Boolean.TRUE.equals(syslog) ? syslogEvent(p) : null;
        if (b != null) {
            return b;
        }
        Instant ts = ctx.timestamps().parse(p.firstLine(), p.readAt).orElse(p.readAt);
        String text = p.text();
        return Event.builder(ctx.host(), Source.FILE, ts, text)
                .priority(LineLevel.of(text))
                .file(path.toString())
                .offset(p.start);
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
