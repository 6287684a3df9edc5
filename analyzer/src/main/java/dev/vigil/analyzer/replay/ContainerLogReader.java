package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.container.ContainerLogFormat;
import dev.vigil.shippers.container.ContainerLogPath;
import dev.vigil.shippers.container.ContainerRecord;
import dev.vigil.shippers.container.PartialRecords;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.file.Framing;
import dev.vigil.shippers.file.LineTimestampParser;
import dev.vigil.shippers.file.MultilineRule;
import dev.vigil.shippers.filter.LineLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container's log file (Kubernetes CRI or Docker json-file): the events of the container's
 * output, as the file shipper makes them when it tails the file. Records are unwrapped and a
 * stream's partial records joined; each line then joins the event before it by the rule the shipper
 * frames the output by ({@link Framing}, judged on the records' output: the runtime's stamps aside, a
 * line without a stamp continues the event when the app stamps its lines, else indented and
 * traceback lines do). A blank line of a stamped output is kept only inside an event. A line
 * of the other stream, or written more than the shipper's multiline timeout after the event's last
 * line, ends the event ({@link ContainerRecord#mayContinue}). An event
 * takes its first record's time and stream, and the pod's fields from the file's path. A line that
 * is no record is replayed as a text event (noted once), so nothing is lost.
 */
final class ContainerLogReader extends LineReader {
    /** The shipper's default multiline timeout: a line written later than this after the event's last is a new event. */
    private static final Duration JOIN_GAP = FileTailConfig.defaults(List.of()).multilineTimeout();

    private final ContainerLogFormat format;
    private final String host;
    private final String fileName;
    private final EventIds.Stream ids;
    private final Map<String, String> pathFields;
    private final PartialRecords partials = new PartialRecords(LineSource.MAX_LINE_BYTES);
    /** Lines made of records read, not yet in an event (a record may complete two: its own and a held one's). */
    private final ArrayDeque<OutputLine> ready = new ArrayDeque<>();
    private final LineTimestampParser stamps;
    /** Whether the output's lines carry stamps: then a line without one continues the event ({@link Framing}). */
    private final boolean stamped;
    private OutputLine lookahead;
    private Instant lastTs;
    private boolean noted;

    /**
     * A line of the container's output.
     *
     * @param record its (joined) record; null for a line of the file that is no record
     */
    private record OutputLine(String text, Instant ts, ContainerRecord record, long offset, long number,
            boolean partial, boolean truncated) {}

    ContainerLogReader(Path path, ContainerLogFormat format, String host, String fileName, ZoneId zone, BadRecords bad)
            throws IOException {
        super(path, bad);
        this.format = format;
        this.host = host;
        this.fileName = fileName;
        this.ids = EventIds.forStream(host, Source.FILE, fileName);
        this.pathFields = ContainerLogPath.fields(fileName);
        this.lastTs = Files.getLastModifiedTime(path).toInstant();
        TextHead head = TextHead.read(path, format, zone, lastTs);
        this.stamps = head.stamps();
        this.stamped = head.stamped();
    }

    @Override
    public Event next() throws IOException {
        return EventReader.untilEvent(this::read, () -> lookahead != null);
    }

    private Event read() throws IOException {
        OutputLine first = lookahead != null ? lookahead : nextLine();
        lookahead = null;
        while (first != null && first.text().isBlank()) {
            first = nextLine();
        }
        if (first == null) {
            return null;
        }
        JoinedLines event = new JoinedLines(first.text());
        boolean truncated = first.truncated();
        boolean partial = first.partial();
        OutputLine last = first;
        OutputLine next;
        while ((next = nextLine()) != null) {
            if (next.text().isBlank()) {
                event.hold(next.text()); // kept only in a stamped log's output
            } else if (continues(next, event.inTraceback()) && mayContinue(next, last) && event.join(next.text())) {
                truncated |= next.truncated();
                partial |= next.partial();
                last = next;
            } else {
                break;
            }
        }
        lookahead = next;
        if (!bad.admits(first.ts(), first.number())) {
            return null;
        }
        String text = event.text();
        Event.Builder b = Event.builder(host, Source.FILE, first.ts(), text)
                .priority(LineLevel.of(text))
                .id(ids.at(first.offset()))
                .file(fileName)
                .offset(first.offset());
        if (first.record() != null) {
            b.fields(first.record().fields(pathFields));
        }
        if (partial) {
            b.partial(true);
        }
        if (truncated) {
            b.flags(Set.of(TextLogReader.LINE_TRUNCATED));
        }
        return b.build();
    }

    /** Whether the line {@code next} continues the event, by the rule the shipper frames the output by. */
    private boolean continues(OutputLine next, boolean inTraceback) {
        return stamped ? Framing.continuesStamped(next.text(), stamps.parse(next.text(), next.ts()).isPresent())
                : MultilineRule.continues(next.text(), inTraceback);
    }

    /** Whether {@code next} may join the event whose last line is {@code last}, as the shipper decides it. */
    private static boolean mayContinue(OutputLine next, OutputLine last) {
        return next.record() == null || last.record() == null || next.record().mayContinue(last.record(), JOIN_GAP);
    }

    /** The next line of output that is not blank, or null at the end. */
    private OutputLine nextLine() throws IOException {
        while (ready.isEmpty()) {
            LineSource.Line l = lines.next();
            if (l == null) {
                // a line whose last record never came (the container died mid-line): what there is of it
                for (PartialRecords.Line held : partials.drain()) {
                    keep(held, held.start(), 0, true);
                }
                return ready.poll();
            }
            ContainerRecord r = format.parse(l.text());
            if (r != null) {
                PartialRecords.Line whole = partials.add(r, l.offset());
                if (whole != null) {
                    keep(whole, whole.start(), l.number(), false);
                }
            } else if (!l.text().isBlank()) {
                noteFirst(l);
                ready.add(new OutputLine(l.text(), lastTs, null, l.offset(), l.number(), !l.endsWithNewline(), l.truncated()));
            }
        }
        return ready.poll();
    }

    private void keep(PartialRecords.Line line, long offset, long number, boolean partial) {
        ContainerRecord r = line.record();
        lastTs = r.time();
        if (stamped || !r.content().isBlank()) {
            ready.add(new OutputLine(r.content(), r.time(), r, offset, number, partial, line.truncated()));
        }
    }

    private void noteFirst(LineSource.Line l) {
        if (!noted) {
            noted = true;
            bad.note(l.number(), "no " + format + " record wrapper: the line replayed as text, as are any more such lines");
        }
    }
}
