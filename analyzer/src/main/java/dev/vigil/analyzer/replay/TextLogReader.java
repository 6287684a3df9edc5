package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.filter.LineLevel;
import dev.vigil.shippers.file.Framing;
import dev.vigil.shippers.file.LineTimestampParser;
import dev.vigil.shippers.file.MultilineRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * An application's own log: one stream named after the file, times parsed from the lines, cut into
 * events by the rule the file shipper cuts it by ({@link Framing}: in a log whose head says its
 * lines carry stamps, {@link TextHead}, a line without a stamp continues the event before it; in
 * any other, indented and traceback lines do). A last line without a newline is {@code partial},
 * as the file shipper marks it.
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
        Instant modified = Files.getLastModifiedTime(path).toInstant();
        TextHead head = TextHead.read(path, zone, modified);
        this.stamps = head.stamps();
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
        JoinedLines event = new JoinedLines(first.text());
        boolean truncated = first.truncated();
        LineSource.Line last = first;
        LineSource.Line next;
        while ((next = lines.next()) != null) {
            if (next.text().isBlank()) {
                if (!stamped) {
                    break; // skipped by the next read
                }
                event.hold(next.text());
            } else if (continues(next.text(), event.inTraceback()) && event.join(next.text())) {
                truncated |= next.truncated();
                last = next;
            } else {
                break;
            }
        }
        lookahead = next;
        if (!bad.admits(ts, first.number())) {
            return null;
        }
        String text = event.text();
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
        return Framing.continuesStamped(line, lookaheadStamp.isPresent());
    }

    private Optional<Instant> stamp(String line) {
        return stamps.parse(line, lastTs != null ? lastTs : fallback);
    }
}
