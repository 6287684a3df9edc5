package dev.vigil.analyzer.replay;

import dev.vigil.analyzer.topology.EventTimes;
import dev.vigil.patterns.event.Event;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one replayed input held that could not be replayed as it was: records skipped, each
 * reported with its {@code file:line} and the reason, and notes on bytes left out (a run of NULs).
 * Replay has no dead-letter topic: this is its dead letter, so one bad record costs that record
 * and nothing else. Past {@link #LISTED} records of one input the rest are counted, not listed.
 */
final class BadRecords {
    /** Records listed one by one per input; a fuzzed or binary file would otherwise flood stderr. */
    static final int LISTED = 100;

    private final Path path;
    private final Consumer<String> out;
    private long skipped;
    private long reported;

    BadRecords(Path path, Consumer<String> out) {
        this.path = path;
        this.out = out;
    }

    /** For reads whose bad lines the replay reports elsewhere (format detection, boot times). */
    static BadRecords unreported(Path path) {
        return new BadRecords(path, line -> {});
    }

    /** Skips the record starting at {@code line} for {@code reason}. */
    void skip(long line, String reason) {
        skipped++;
        report(line, reason);
    }

    /** Notes bytes left out of the line at {@code line} (the line itself is kept). */
    void note(long line, String what) {
        report(line, what);
    }

    /** The event, or null once reported as skipped when no host can have written it at its time. */
    Event admit(Event e, long line) {
        return admits(e.ts(), line) ? e : null;
    }

    /** True when a host can have written a record at {@code ts}; else reports the record at {@code line} skipped. */
    boolean admits(Instant ts, long line) {
        Optional<String> bad = EventTimes.tooEarly(ts);
        bad.ifPresent(reason -> skip(line, reason));
        return bad.isEmpty();
    }

    private void report(long line, String what) {
        reported++;
        if (reported <= LISTED) {
            out.accept("skipped " + path + ":" + line + ": " + what);
        } else if (reported == LISTED + 1) {
            out.accept("more bad records in " + path + " are counted, not listed");
        }
    }

    /** Records skipped so far. */
    long skipped() {
        return skipped;
    }
}
