package dev.vigil.analyzer.replay;

import dev.vigil.shippers.file.LineTimestampParser;
import dev.vigil.shippers.file.MultilineRule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What the head of an app log says about all of it: the first stamp (lines before it take its
 * time) and whether its lines carry stamps replay reads. Only then can a line without a stamp be
 * taken for the continuation of the one before; in a log whose stamps replay does not know (Spark's
 * {@code 21/02/03 08:18:39}, a custom format) that would join the whole file into one event, so
 * such a log is cut as the file shipper cuts every log ({@link MultilineRule}).
 *
 * @param firstStamp the first stamp within {@link #FIRST_STAMP_SEARCH} lines
 * @param stamped whether, of the first {@link #SAMPLE} lines that are not blank, at least half of
 *     those the shipper's rule would not join to the line before have a stamp
 */
record TextHead(Optional<Instant> firstStamp, boolean stamped) {
    /** How far into a file the first time stamp is looked for. */
    static final int FIRST_STAMP_SEARCH = 10_000;
    /** How many lines tell whether a log is stamped. */
    static final int SAMPLE = 1_000;

    /** Reads the head of {@code path}; lines without a year take theirs from {@code modified}. */
    static TextHead read(Path path, LineTimestampParser stamps, Instant modified) throws IOException {
        Optional<Instant> first = Optional.empty();
        int sampled = 0;
        int starts = 0;
        int stampedStarts = 0;
        boolean inTraceback = false;
        try (LineSource scan = new LineSource(path)) {
            LineSource.Line line;
            for (int i = 0; i < FIRST_STAMP_SEARCH && (first.isEmpty() || sampled < SAMPLE) && (line = scan.next()) != null; i++) {
                String text = line.text();
                if (text.isBlank()) {
                    continue;
                }
                Optional<Instant> ts = stamps.parse(text, modified);
                if (first.isEmpty()) {
                    first = ts;
                }
                if (sampled++ < SAMPLE) {
                    boolean joins = sampled > 1 && MultilineRule.continues(text, inTraceback);
                    inTraceback = MultilineRule.inTracebackAfter(text, joins && inTraceback);
                    if (!joins) {
                        starts++;
                        stampedStarts += ts.isPresent() ? 1 : 0;
                    }
                }
            }
        }
        return new TextHead(first, stampedStarts > 0 && 2 * stampedStarts >= starts);
    }
}
