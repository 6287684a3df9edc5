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
 * @param firstStamp the first stamp within {@link #FIRST_STAMP_SEARCH} lines
 * @param stamped whether the head says the log is stamped
 */
record TextHead(Optional<Instant> firstStamp, boolean stamped) {
    /** How far into a file the first time stamp is looked for. */
    static final int FIRST_STAMP_SEARCH = 10_000;

    /** Lines of a head the stamp parser learns a file's date order and epoch word from. */
    static final int PARSER_SAMPLE = 1_000;

    /**
     * The stamp parser for the lines of {@code path} (their records' output when {@code records} is a
     * container log format): it reads the file's numeric dates in the order its head shows, as the
     * shipper's parser for the same file does ({@link LineTimestampParser#forHead}).
     */
    static LineTimestampParser parserFor(Path path, ContainerLogFormat records, ZoneId zone) throws IOException {
        List<String> sample = new ArrayList<>();
        try (LineSource scan = new LineSource(path)) {
            LineSource.Line line;
            while (sample.size() < PARSER_SAMPLE && (line = scan.next()) != null) {
                String text = Framing.output(line.text(), records);
                if (!text.isBlank()) {
                    sample.add(text);
                }
            }
        }
        return LineTimestampParser.forHead(zone, sample);
    }

    /** Reads the head of the app log {@code path}; lines without a year take theirs from {@code modified}. */
    static TextHead read(Path path, LineTimestampParser stamps, Instant modified) throws IOException {
        return read(path, null, stamps, modified);
    }

    /**
     * Reads the head of {@code path}, of its records' output when {@code records} is a container log
     * format ({@link Framing#output}); lines without a year take theirs from {@code modified}.
     */
    static TextHead read(Path path, ContainerLogFormat records, LineTimestampParser stamps, Instant modified) throws IOException {
        Optional<Instant> first = Optional.empty();
        Framing.Head head = new Framing.Head();
        try (LineSource scan = new LineSource(path)) {
            LineSource.Line line;
            for (int i = 0; i < FIRST_STAMP_SEARCH && (first.isEmpty() || !head.isComplete()) && (line = scan.next()) != null; i++) {
                String text = Framing.output(line.text(), records);
                if (text.isBlank()) {
                    continue;
                }
                Optional<Instant> ts = stamps.parse(text, modified);
                if (first.isEmpty()) {
                    first = ts;
                }
                head.add(text, ts.isPresent());
            }
        }
        return new TextHead(first, head.isStamped());
    }
}
