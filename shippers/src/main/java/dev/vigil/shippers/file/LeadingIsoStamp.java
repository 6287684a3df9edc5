package dev.vigil.shippers.file;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Reads an ISO-8601 stamp at the very start of a line by hand, giving what
 * {@link LineTimestampParser}'s ISO regex gives when it matches there: most application logs
 * start this way, and the regexes cost more than the rest of shipping the line.
 */
final class LeadingIsoStamp {
    /** Shortest stamp: {@code yyyy-MM-dd HH:mm:ss}. */
    private static final int MIN_LENGTH = 19;

    private final ZoneId zone;
    /** The last local second resolved in {@link #zone}; lines come in bursts within one second. */
    private ResolvedSecond last = new ResolvedSecond(-1, 0);

    LeadingIsoStamp(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A local second ({@code yyyyMMddHHmmss} as a number) and the epoch second it is in the zone. */
    private record ResolvedSecond(long local, long epochSecond) {}

    /**
     * The stamp the line starts with; null when it does not start with one. Throws
     * {@code DateTimeException} for a stamp of the right shape with impossible values.
     */
    Instant parse(String line) {
        if (!hasDateTimeShape(line)) {
            return null;
        }
        int pos = MIN_LENGTH;
        int nanos = 0;
        if (pos + 1 < line.length() && (line.charAt(pos) == '.' || line.charAt(pos) == ',') && isDigit(line, pos + 1)) {
            int digits = 0;
            pos++;
            while (digits < 9 && isDigit(line, pos)) {
                nanos = nanos * 10 + (line.charAt(pos) - '0');
                digits++;
                pos++;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int zoneAt = pos < line.length() && isRegexSpace(line.charAt(pos)) ? pos + 1 : pos;
        LocalDateTime local = LocalDateTime.of(number(line, 0, 4), number(line, 5, 7), number(line, 8, 10),
                number(line, 11, 13), number(line, 14, 16), number(line, 17, 19), nanos);
        if (zoneAt < line.length() && line.charAt(zoneAt) == 'Z') {
            return local.toInstant(ZoneOffset.UTC);
        }
        ZoneOffset offset = offsetAt(line, zoneAt);
        if (offset != null) {
            return local.toInstant(offset);
        }
        return Instant.ofEpochSecond(epochSecondInZone(line, local), nanos);
    }

    private long epochSecondInZone(String line, LocalDateTime local) {
        long key = Long.parseLong(line, 0, 4, 10) * 10_000_000_000L + number(line, 5, 7) * 100_000_000L
                + number(line, 8, 10) * 1_000_000L + number(line, 11, 13) * 10_000L
                + number(line, 14, 16) * 100L + number(line, 17, 19);
        ResolvedSecond cached = last;
        if (cached.local() == key) {
            return cached.epochSecond();
        }
        long epochSecond = local.withNano(0).atZone(zone).toEpochSecond();
        last = new ResolvedSecond(key, epochSecond);
        return epochSecond;
    }

    /** {@code [+-]HH:?mm} at {@code at}, or null. */
    private static ZoneOffset offsetAt(String line, int at) {
        if (at >= line.length() || (line.charAt(at) != '+' && line.charAt(at) != '-')) {
            return null;
        }
        int minutesAt = line.length() > at + 3 && line.charAt(at + 3) == ':' ? at + 4 : at + 3;
        if (!isDigit(line, at + 1) || !isDigit(line, at + 2) || !isDigit(line, minutesAt) || !isDigit(line, minutesAt + 1)) {
            return null;
        }
        int sign = line.charAt(at) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * number(line, at + 1, at + 3), sign * number(line, minutesAt, minutesAt + 2));
    }

    /** {@code dddd-dd-dd[T ]dd:dd:dd} at the start. */
    private static boolean hasDateTimeShape(String line) {
        if (line.length() < MIN_LENGTH) {
            return false;
        }
        char sep = line.charAt(10);
        return digits(line, 0, 4) && line.charAt(4) == '-' && digits(line, 5, 7) && line.charAt(7) == '-'
                && digits(line, 8, 10) && (sep == 'T' || sep == ' ') && digits(line, 11, 13)
                && line.charAt(13) == ':' && digits(line, 14, 16) && line.charAt(16) == ':' && digits(line, 17, 19);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** What {@code \s} matches in a Java regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static int number(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
