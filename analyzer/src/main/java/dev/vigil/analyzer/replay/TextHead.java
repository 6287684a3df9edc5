package dev.vigil.analyzer.replay;

import dev.vigil.shippers.container.ContainerLogFormat;
import dev.vigil.shippers.file.Framing;
import dev.vigil.shippers.file.LineTimestampParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the head of an app log says about all of it: the first stamp (lines before it take its
 * time) and whether its lines carry stamps replay reads ({@link Framing.Head}, as the file shipper
 * judges the file it tails), which tells how its lines become events ({@link Framing}).
 *
 * @param stamps the stamp parser for the file's lines, learnt from its head: its numeric dates in the
 *     order the head shows, as the shipper's parser for the same file reads them ({@link LineTimestampParser#forHead})
 * @param firstStamp the first stamp within {@link #FIRST_STAMP_SEARCH} lines
 * @param stamped whether the head says the log is stamped
 */
record TextHead(LineTimestampParser stamps, Optional<Instant> firstStamp, boolean stamped) {
    /** How far into a file the first time stamp is looked for. */
    static final int FIRST_STAMP_SEARCH = 10_000;

    /** Lines of a head the stamp parser learns a file's date order and epoch word from. */
    static final int PARSER_SAMPLE = 1_000;

    /** Reads the head of the app log {@code path}; lines without a year take theirs from {@code modified}. */
    static TextHead read(Path path, ZoneId zone, Instant modified) throws IOException {
        return read(path, null, zone, modified);
    }

    /**
     * Reads the head of {@code path}, of its records' output when {@code records} is a container log
     * format ({@link Framing#output}), once: its first {@link #PARSER_SAMPLE} lines that are not blank
     * teach the parser, which then reads them and the lines after them for the first stamp and the
     * framing; lines without a year take theirs from {@code modified}.
     */
    static TextHead read(Path path, ContainerLogFormat records, ZoneId zone, Instant modified) throws IOException {
        try (LineSource scan = new LineSource(path)) {
            List<String> sample = new ArrayList<>();
            List<Integer> sampledAt = new ArrayList<>();
            int i = 0;
            LineSource.Line line = null;
            for (; sample.size() < PARSER_SAMPLE && (line = scan.next()) != null; i++) {
                String text = Framing.output(line.text(), records);
                if (!text.isBlank()) {
                    sample.add(text);
                    sampledAt.add(i);
                }
            }
            LineTimestampParser stamps = LineTimestampParser.forHead(zone, sample);
            Optional<Instant> first = Optional.empty();
            Framing.Head head = new Framing.Head();
            for (int k = 0; k < sample.size() && sampledAt.get(k) < FIRST_STAMP_SEARCH && (first.isEmpty() || !head.isComplete()); k++) {
                first = judge(sample.get(k), stamps, modified, first, head);
            }
            for (; line != null && i < FIRST_STAMP_SEARCH && (first.isEmpty() || !head.isComplete()) && (line = scan.next()) != null; i++) {
                String text = Framing.output(line.text(), records);
                if (!text.isBlank()) {
                    first = judge(text, stamps, modified, first, head);
                }
            }
            return new TextHead(stamps, first, head.isStamped());
        }
    }

    /** Adds a line that is not blank to the framing's sample; the first stamp found so far, this line's if none was. */
    private static Optional<Instant> judge(String text, LineTimestampParser stamps, Instant modified, Optional<Instant> first,
            Framing.Head head) {
        Optional<Instant> ts = stamps.parse(text, modified);
        head.add(text, ts.isPresent());
        return first.isEmpty() ? ts : first;
    }
}
