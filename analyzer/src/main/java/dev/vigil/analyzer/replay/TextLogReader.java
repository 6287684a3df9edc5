package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.filter.LineLevel;
import dev.vigil.shippers.file.LineTimestampParser;
import dev.vigil.shippers.file.MultilineRule;
import dev.vigil.shippers.file.StructuredLineTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * An application's own log: one stream named after the file, times parsed from the lines. In a
 * log whose lines carry stamps replay reads, a line without a stamp continues the event before it
 * (a traceback, a wrapped message) unless it is a whole JSON object (a structured logger's
 * event); in any other log, indented and traceback lines do, as the file
 * shipper joins them ({@link TextHead}). A last line without a newline is {@code partial}, as the
 * file shipper marks it.
 */
final class TextLogReader extends LineReader {
    static final String LINE_TRUNCATED = "line_truncated";

    private final String host;
    private final String fileName;
    private final LineTimestampParser stamps;
    /** Ids by byte offset: the stream's part of every id is encoded once. */
    private final EventIds.Stream ids;
    private final Instant fallback;
    /** Whether a line without a stamp continues the event before it (else the shipper's rule decides). */
    private final boolean stamped;
    private LineSource.Line lookahead;
    /** The stamp of {@code lookahead}, read when it ended the event before: each line is parsed once. */
    private Optional<Instant> lookaheadStamp;
    private Instant lastTs;

    TextLogReader(Path path, String host, String fileName, ZoneId zone, BadRecords bad) throws IOException {
        super(path, bad);
        this.host = host;
        this.fileName = fileName;
        this.ids = EventIds.forStream(host, Source.FILE, fileName);
        this.stamps = new LineTimestampParser(zone);
        Instant modified = Files.getLastModifiedTime(path).toInstant();
        TextHead head = TextHead.read(path, stamps, modified);
        this.fallback = head.firstStamp().orElse(modified);
        this.stamped = head.stamped();
    }

    @Override
    public Event next() throws IOException {
        return EventReader.untilEvent(this::read, () -> lookahead != null);
    }

    /** The next event, or null at the end or when the next event is skipped (then {@code lookahead} is set). */
    private Event read() throws IOException {
        LineSource.Line first = lookahead != null ? lookahead : lines.next();
        Optional<Instant> known = lookahead != null ? lookaheadStamp : null;
        lookahead = null;
        lookaheadStamp = null;
        while (first != null && first.text().isBlank()) {
            first = lines.next();
            known = null;
        }
        if (first == null) {
            return null;
        }
        Instant ts = (known != null ? known : stamp(first.text())).orElse(lastTs != null ? lastTs : fallback);
        lastTs = ts;
        // most events are one line: a builder is made only when a second joins
        StringBuilder message = null;
        boolean truncated = first.truncated();
        LineSource.Line last = first;
        LineSource.Line next;
        // continuation lines join while the event stays within the cap, as the shipper joins them
        boolean inTraceback = MultilineRule.inTracebackAfter(first.text(), false);
        while ((next = lines.next()) != null && !next.text().isBlank() && continues(next.text(), inTraceback)
                && (message == null ? first.text().length() : message.length()) + 1 + next.text().length()
                        <= LineSource.MAX_LINE_BYTES) {
            message = message == null ? new StringBuilder(first.text()) : message;
            message.append('\n').append(next.text());
            truncated |= next.truncated();
            last = next;
            inTraceback = MultilineRule.inTracebackAfter(next.text(), inTraceback);
        }
        lookahead = next;
        if (!bad.admits(ts, first.number())) {
            return null;
        }
        String text = message == null ? first.text() : message.toString();
        Event.Builder b = Event.builder(host, Source.FILE, ts, text)
                .priority(LineLevel.of(text))
                .id(ids.at(first.offset()))
                .file(fileName)
                .offset(first.offset());
        if (!last.endsWithNewline()) {
            b.partial(true);
        }
        if (truncated) {
            b.flags(Set.of(LINE_TRUNCATED));
        }
        return b.build();
    }

    /**
     * Whether {@code line} joins the event being read; in a stamped log its stamp, read with
     * {@code lastTs} as it is now (as the next read would read it), is kept for that read.
     */
    private boolean continues(String line, boolean inTraceback) {
        if (!stamped) {
            return MultilineRule.continues(line, inTraceback);
        }
        lookaheadStamp = stamp(line);
        return lookaheadStamp.isEmpty() && !StructuredLineTime.isJsonObject(line);
    }

    private Optional<Instant> stamp(String line) {
        return stamps.parse(line, lastTs != null ? lastTs : fallback);
    }
}
