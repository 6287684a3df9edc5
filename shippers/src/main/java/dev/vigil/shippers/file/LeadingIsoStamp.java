package dev.vigil.shippers.file;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Reads an ISO-8601 stamp at the very start of a line by hand, giving what
 * {@link LineTimestampParser}'s ISO regex gives when it matches there: most application logs
 * start this way, and the regexes cost more than the rest of shipping the line. The head of the
 * line is copied out once and read as an array, which stays cheap before the JIT's second tier.
 */
final class LeadingIsoStamp {
    /** Shortest stamp: {@code yyyy-MM-dd HH:mm:ss}. */
    private static final int MIN_LENGTH = 19;
    /** Longest: 19, then {@code .} and 9 digits, a space and {@code +hh:mm} (or {@code UTC}). */
    private static final int MAX_LENGTH = 36;

    private final ZoneId zone;
    /** The last local second resolved in {@link #zone}; lines come in bursts within one second. */
    private ResolvedSecond last = new ResolvedSecond(-1, 0);
    /**
     * The first {@link #MIN_LENGTH} characters of the last line read as a whole second in the
     * zone (no fraction, a space, no offset), and its instant: a line of that second with the same
     * ending is that instant, told by comparing its head, without copying or reading it again.
     */
    private final char[] lastHead = new char[MIN_LENGTH];
    private Instant lastHeadInstant;

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
        if (line.length() < MIN_LENGTH) {
            return null;
        }
        boolean wholeSecond = line.length() > MIN_LENGTH + 1 && line.charAt(MIN_LENGTH) == ' '
                && !startsZone(line, MIN_LENGTH + 1);
        if (wholeSecond && lastHeadInstant != null && sameHead(line)) {
            return lastHeadInstant;
        }
        int length = Math.min(line.length(), MAX_LENGTH);
        char[] c = new char[MAX_LENGTH];
        line.getChars(0, length, c, 0);
        if (!hasDateTimeShape(c)) {
            return null;
        }
        int pos = MIN_LENGTH;
        int nanos = 0;
        if (pos + 1 < length && (c[pos] == '.' || c[pos] == ',') && isDigit(c[pos + 1])) {
            int digits = 0;
            pos++;
            while (digits < 9 && pos < length && isDigit(c[pos])) {
                nanos = nanos * 10 + (c[pos] - '0');
                digits++;
                pos++;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int zoneAt = pos < length && isRegexSpace(c[pos]) ? pos + 1 : pos;
        if (zoneAt < length && c[zoneAt] == 'Z' || isUtcName(c, zoneAt, length)) {
            return local(c, nanos).toInstant(ZoneOffset.UTC);
        }
        ZoneOffset offset = offsetAt(c, zoneAt, length);
        if (offset != null) {
            return local(c, nanos).toInstant(offset);
        }
        Instant at = Instant.ofEpochSecond(epochSecondInZone(c), nanos);
        if (wholeSecond) {
            System.arraycopy(c, 0, lastHead, 0, MIN_LENGTH);
            lastHeadInstant = at;
        }
        return at;
    }

    /** Whether a zone may start at {@code at}, after the space that follows the seconds (the parse reads an offset, Z, UTC or GMT there). */
    private static boolean startsZone(String line, int at) {
        char c = line.charAt(at);
        return c == 'Z' || c == '+' || c == '-' || line.startsWith("UTC", at) || line.startsWith("GMT", at);
    }

    /** {@code UTC} or {@code GMT} at {@code at} (PostgreSQL's {@code log_line_prefix} writes the zone's name). */
    private static boolean isUtcName(char[] c, int at, int length) {
        return at + 2 < length && (c[at] == 'U' && c[at + 1] == 'T' && c[at + 2] == 'C'
                || c[at] == 'G' && c[at + 1] == 'M' && c[at + 2] == 'T');
    }

    private boolean sameHead(String line) {
        for (int i = 0; i < MIN_LENGTH; i++) {
            if (line.charAt(i) != lastHead[i]) {
                return false;
            }
        }
        return true;
    }

    private static LocalDateTime local(char[] c, int nanos) {
        return LocalDateTime.of(number(c, 0, 4), number(c, 5, 7), number(c, 8, 10), number(c, 11, 13),
                number(c, 14, 16), number(c, 17, 19), nanos);
    }

    private long epochSecondInZone(char[] c) {
        long key = number(c, 0, 4) * 10_000_000_000L + number(c, 5, 7) * 100_000_000L + number(c, 8, 10) * 1_000_000L
                + number(c, 11, 13) * 10_000L + number(c, 14, 16) * 100L + number(c, 17, 19);
        ResolvedSecond cached = last;
        if (cached.local() == key) {
            return cached.epochSecond();
        }
        long epochSecond = local(c, 0).atZone(zone).toEpochSecond();
        last = new ResolvedSecond(key, epochSecond);
        return epochSecond;
    }

    /** {@code [+-]HH:?mm} at {@code at}, or null. */
    private static ZoneOffset offsetAt(char[] c, int at, int length) {
        if (at >= length || (c[at] != '+' && c[at] != '-')) {
            return null;
        }
        int minutesAt = at + 3 < length && c[at + 3] == ':' ? at + 4 : at + 3;
        if (minutesAt + 1 >= length || !isDigit(c[at + 1]) || !isDigit(c[at + 2]) || !isDigit(c[minutesAt])
                || !isDigit(c[minutesAt + 1])) {
            return null;
        }
        int sign = c[at] == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * number(c, at + 1, at + 3), sign * number(c, minutesAt, minutesAt + 2));
    }

    /** {@code dddd-dd-dd[T ]dd:dd:dd} at the start. */
    private static boolean hasDateTimeShape(char[] c) {
        return digits(c, 0, 4) && c[4] == '-' && digits(c, 5, 7) && c[7] == '-' && digits(c, 8, 10)
                && (c[10] == 'T' || c[10] == ' ') && digits(c, 11, 13) && c[13] == ':' && digits(c, 14, 16)
                && c[16] == ':' && digits(c, 17, 19);
    }

    private static boolean digits(char[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(c[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What {@code \s} matches in a Java regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The decimal number in {@code c[from..to)}, digits checked by the caller. */
    private static int number(char[] c, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (c[i] - '0');
        }
        return n;
    }
}
