package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.filter.LineLevel;
import dev.vigil.shippers.file.LineTimestampParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * An application's own log: one stream named after the file, times parsed from the lines. A
 * line without a stamp continues the event before it (a traceback, a wrapped message); a last
 * line without a newline is {@code partial}, as the file shipper marks it.
 */
final class TextLogReader extends LineReader {
    /** How far into a file the first time stamp is looked for. */
    static final int FIRST_STAMP_SEARCH = 10_000;
    static final String LINE_TRUNCATED = "line_truncated";

    private final String host;
    private final String fileName;
    private final LineTimestampParser stamps;
    /** Ids by byte offset: the stream's part of every id is encoded once. */
    private final EventIds.Stream ids;
    private final Instant fallback;
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
        this.fallback = firstStamp(path).orElse(Files.getLastModifiedTime(path).toInstant());
    }

    /** Lines before the first stamped one (a banner, nohup's notice) take that line's time. */
    private Optional<Instant> firstStamp(Path path) throws IOException {
        Instant modified = Files.getLastModifiedTime(path).toInstant();
        try (LineSource scan = new LineSource(path)) {
            LineSource.Line line;
            for (int i = 0; i < FIRST_STAMP_SEARCH && (line = scan.next()) != null; i++) {
                Optional<Instant> ts = stamps.parse(line.text(), modified);
                if (ts.isPresent()) {
                    return ts;
                }
            }
        }
        return Optional.empty();
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
        Optional<Instant> nextStamp = null;
        // continuation lines join while the event stays within the cap, as the shipper joins them
        while ((next = lines.next()) != null && !next.text().isBlank() && (nextStamp = stamp(next.text())).isEmpty()
                && (message == null ? first.text().length() : message.length()) + 1 + next.text().length()
                        <= LineSource.MAX_LINE_BYTES) {
            message = message == null ? new StringBuilder(first.text()) : message;
            message.append('\n').append(next.text());
            truncated |= next.truncated();
            last = next;
            nextStamp = null;
        }
        lookahead = next;
        // the stamp was read with lastTs as it is now, as the next read would read it
        lookaheadStamp = next != null && !next.text().isBlank() ? nextStamp : null;
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

    private Optional<Instant> stamp(String line) {
        return stamps.parse(line, lastTs != null ? lastTs : fallback);
    }
}
