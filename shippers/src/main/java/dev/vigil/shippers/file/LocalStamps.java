package dev.vigil.shippers.file;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The instant of a local date and time read from a stamp, in the zone of stamps that carry none;
 * a stamp without a year takes the year of {@code now}, or the year before when that would put it
 * more than a day ahead (a December line read on 1 January), as syslog stamps do. App-log stamps,
 * syslog's RFC 3164 stamps and {@code dmesg -H}'s minutes all take their year here.
 */
public final class LocalStamps {
    private static final long DAY_SECONDS = 86_400;

    private final ZoneId zone;

    public LocalStamps(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Throws {@code DateTimeException} for a field out of range (a month 13, a 31 June). */
    public Instant at(int year, int month, int day, int hour, int minute, int second, int nanos) {
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone).toInstant();
    }

    /** Throws {@code DateTimeException} for a field out of range, 29 February in a year without it too. */
    public Instant withoutYear(int month, int day, int hour, int minute, int second, int nanos, Instant now) {
        return inYearOf(now, year -> at(year, month, day, hour, minute, second, nanos));
    }

    /** A day and time without a year; 29 February in a year without it is the 28th ({@link MonthDay#atYear}). */
    public Instant withoutYear(MonthDay day, LocalTime time, Instant now) {
        return inYearOf(now, year -> day.atYear(year).atTime(time).atZone(zone).toInstant());
    }

    private Instant inYearOf(Instant now, IntFunction<Instant> inYear) {
        int year = now.atZone(zone).getYear();
        Instant ts = inYear.apply(year);
        return ts.isAfter(now.plusSeconds(DAY_SECONDS)) ? inYear.apply(year - 1) : ts;
    }

    /** The nanoseconds of a fraction's digits ({@code "5"} is half a second); 0 for null. */
    public static int nanos(String fraction) {
        return fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
