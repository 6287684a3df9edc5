package dev.vigil.shippers.file;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The instant of a local date and time read from a stamp, in the zone of stamps that carry none;
 * a stamp without a year takes the year of {@code now}, or the year before when that would put it
 * more than a day ahead (a December line read on 1 January), as syslog stamps do.
 */
final class LocalStamps {
    private static final long DAY_SECONDS = 86_400;

    private final ZoneId zone;

    LocalStamps(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Throws {@code DateTimeException} for a field out of range (a month 13, a 31 June). */
    Instant at(int year, int month, int day, int hour, int minute, int second, int nanos) {
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone).toInstant();
    }

    Instant withoutYear(int month, int day, int hour, int minute, int second, int nanos, Instant now) {
        int year = now.atZone(zone).getYear();
        Instant ts = at(year, month, day, hour, minute, second, nanos);
        return ts.isAfter(now.plusSeconds(DAY_SECONDS)) ? at(year - 1, month, day, hour, minute, second, nanos) : ts;
    }

    /** The nanoseconds of a fraction's digits ({@code "5"} is half a second); 0 for null. */
    static int nanos(String fraction) {
        return fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
