package dev.vigil.analyzer.replay;

import dev.vigil.shippers.file.LocalStamps;
import dev.vigil.shippers.kmsg.DmesgTextParser;
import dev.vigil.shippers.kmsg.DmesgTextParser.ReltimeLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Puts the lines of {@code dmesg -H} / {@code --reltime} output on the clock. dmesg prints the
 * local minute on the first record of each minute ({@code [Aug14 16:31]}) and the seconds since the
 * record before on the others ({@code [  +0.007701]}), so a line's time is the one before's plus its
 * seconds. The minute's line is put at the minute's start, its seconds being unprinted: its minute's
 * other lines then stay in it, as dmesg printed them. The minute has no year: it takes the year of
 * the file's last change, or the year before when that would put it more than a day after the change
 * (December's lines read in January), as syslog's stamps without a year do. Lines before the file's
 * first minute (a paste that starts inside a minute) count back from that minute; a file without a
 * minute ends at its last change.
 */
final class ReltimeClock {
    /** Where a minute, which has no year, takes one. */
    private final LocalStamps stamps;
    private final Instant reference;
    /** Where the lines before the first minute's line start. */
    private final Instant start;
    /** The time of the line read last; null before the first. */
    private Instant last;

    ReltimeClock(ZoneId zone, Instant reference, Instant start) {
        this.stamps = new LocalStamps(zone);
        this.reference = reference;
        this.start = start;
    }

    /**
     * The clock of {@code path}'s lines, in {@code zone}: reads its head up to the first minute's
     * line, for where the lines before it start.
     */
    static ReltimeClock of(Path path, ZoneId zone) throws IOException {
        Instant modified = Files.getLastModifiedTime(path).toInstant();
        ReltimeClock clock = new ReltimeClock(zone, modified, modified);
        BigDecimal before = BigDecimal.ZERO;
        boolean first = true;
        try (LineSource scan = new LineSource(path)) {
            LineSource.Line line;
            for (int i = 0; i < TextHead.FIRST_STAMP_SEARCH && (line = scan.next()) != null; i++) {
                Optional<ReltimeLine> r = DmesgTextParser.parseReltime(line.text());
                if (r.isEmpty()) {
                    continue;
                }
                if (r.get().startsMinute()) {
                    return new ReltimeClock(zone, modified, clock.minute(r.get()).minus(seconds(before)));
                }
                // the first line's seconds count from a record the output does not hold
                before = first ? before : before.add(r.get().sinceLast());
                first = false;
            }
        }
        return new ReltimeClock(zone, modified, modified.minus(seconds(before)));
    }

    /** The time of {@code line}, the line after the one this clock read last. */
    Instant at(ReltimeLine line) {
        if (line.startsMinute()) {
            last = minute(line);
        } else {
            last = last == null ? start : last.plus(seconds(line.sinceLast()));
        }
        return last;
    }

    private Instant minute(ReltimeLine line) {
        return stamps.withoutYear(line.day(), line.minute(), reference);
    }

    private static Duration seconds(BigDecimal seconds) {
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }
}
