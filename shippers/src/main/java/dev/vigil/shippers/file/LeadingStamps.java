package dev.vigil.shippers.file;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Stamps made of digits alone, read at the very start of a line by their shape (a character
 * test per position, no regex: most lines fail on the first few characters):
 * <ul>
 * <li>epoch seconds, {@code 1710382267} (a fraction may follow: {@code 1286536309.450}, squid's
 * access log), or milliseconds, {@code 1710382267123}, followed by a blank or the end of the
 * line, and {@code [1286536309]} (Nagios, Icinga);
 * <li>{@code 03-17 16:13:38.811} (Android's logcat, no year);
 * <li>{@code 2019-03-11  9:40:31} (MariaDB: ISO-8601's date, the hour padded with a space);
 * <li>{@code 081109 203615} and {@code 150319  1:46:59} ({@code yyMMdd}: Hadoop 0.x's HDFS, MySQL 5.5);
 * <li>{@code 20171223-22:15:29:606} ({@code yyyyMMdd} then the time after {@code -}, {@code T} or a
 * space: see {@link #compactDate});
 * <li>{@code [10.30 16:49:06]} ({@code [MM.dd HH:mm:ss]}, Proxifier, no year);
 * <li>{@code    148:20170824:163424.556} (Zabbix: see {@link #pidAndCompactDate}).
 * </ul>
 * A count or an id can look like the compact forms: epoch numbers are taken only between 2000 and
 * 2100, and every field must be in its range (month 1-12, hour 0-23 ...) and the stamp end where a
 * word ends.
 */
final class LeadingStamps {
    /** 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z: an epoch number outside is not a time. */
    private static final long MIN_EPOCH_SECOND = 946_684_800L;
    private static final long MAX_EPOCH_SECOND = 4_102_444_800L;

    private final LocalStamps local;

    LeadingStamps(LocalStamps local) {
        this.local = local;
    }

    /** The stamp the line starts with in one of these forms; null when none or when a field is out of range. */
    Instant find(String line, Instant now) {
        try {
            return read(line, now);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private Instant read(String line, Instant now) {
        char first = line.isEmpty() ? ' ' : line.charAt(0);
        if (first == '[') {
            if (fits(line, 1, "dd.dd dd:dd:dd]")) {
                return local.withoutYear(num(line, 1, 3), num(line, 4, 6), num(line, 7, 9), num(line, 10, 12),
                        num(line, 13, 15), 0, now);
            }
            return fits(line, 1, "dddddddddd]") ? epochSecond(line, 1, 11, 0) : null;
        }
        if (first == ' ') {
            return pidAndCompactDate(line);
        }
        if (!isDigit(first)) {
            return null;
        }
        if (fits(line, 0, "dd-dd dd:dd:dd")) {
            return local.withoutYear(num(line, 0, 2), num(line, 3, 5), num(line, 6, 8), num(line, 9, 11),
                    num(line, 12, 14), fraction(line, 14), now);
        }
        if (fits(line, 0, "dddd-dd-dd  d:dd:dd")) {
            return local.at(num(line, 0, 4), num(line, 5, 7), num(line, 8, 10), num(line, 12, 13),
                    num(line, 14, 16), num(line, 17, 19), fraction(line, 19));
        }
        if (fits(line, 0, "dddddd ")) {
            return shortDate(line);
        }
        if (fits(line, 0, "dddddddd") && line.length() > 8 && isDateTimeSeparator(line.charAt(8))) {
            return compactDate(line);
        }
        Instant epoch = epoch(line);
        return epoch != null ? epoch : pidAndCompactDate(line);
    }

    /**
     * {@code yyMMdd}, then {@code HHmmss} (Hadoop 0.x's HDFS) or {@code HH:mm:ss}, the hour padded
     * with a space below 10 (MySQL 5.5, MariaDB 10.0: {@code 150319  1:46:59}).
     */
    private Instant shortDate(String line) {
        int year = 2000 + num(line, 0, 2);
        int month = num(line, 2, 4);
        int day = num(line, 4, 6);
        if (fits(line, 7, "dddddd") && endsWord(line, 13)) {
            return local.at(year, month, day, num(line, 7, 9), num(line, 9, 11), num(line, 11, 13), 0);
        }
        if (fits(line, 7, "dd:dd:dd") || fits(line, 7, " d:dd:dd")) {
            return local.at(year, month, day, num(line, line.charAt(7) == ' ' ? 8 : 7, 9), num(line, 10, 12),
                    num(line, 13, 15), fraction(line, 15));
        }
        return null;
    }

    /**
     * {@code pid:yyyyMMdd:HHmmss.SSS}, the pid right-aligned in six characters (Zabbix's server,
     * proxy and agent: {@code    148:20170824:163424.556}).
     */
    private Instant pidAndCompactDate(String line) {
        int at = 0;
        while (at < line.length() && at < 8 && line.charAt(at) == ' ') {
            at++;
        }
        int pid = at;
        while (at < line.length() && at < pid + 8 && isDigit(line.charAt(at))) {
            at++;
        }
        if (at == pid || !fits(line, at, ":dddddddd:dddddd")) {
            return null;
        }
        int date = at + 1;
        int time = at + 10;
        return local.at(num(line, date, date + 4), num(line, date + 4, date + 6), num(line, date + 6, date + 8),
                num(line, time, time + 2), num(line, time + 2, time + 4), num(line, time + 4, time + 6),
                fraction(line, time + 6));
    }

    /**
     * {@code yyyyMMdd}, a separator and the time, whose fields Java's {@code H:m:s:S} patterns
     * write without leading zeros ({@code 20171223-22:16:0:119}); a fraction after {@code :} is such
     * a count of milliseconds ({@code :11} is 11 ms), after {@code .} or {@code ,} a decimal one.
     */
    private Instant compactDate(String line) {
        int[] fields = new int[3];
        int at = 9;
        for (int f = 0; f < 3; f++) {
            if (f > 0 && (at >= line.length() || line.charAt(at++) != ':')) {
                return null;
            }
            int start = at;
            while (at < line.length() && at < start + 2 && isDigit(line.charAt(at))) {
                at++;
            }
            if (at == start) {
                return null;
            }
            fields[f] = num(line, start, at);
        }
        int nanos;
        if (fits(line, at, ":d")) {
            int start = ++at;
            while (at < line.length() && at < start + 3 && isDigit(line.charAt(at))) {
                at++;
            }
            nanos = num(line, start, at) * 1_000_000;
        } else {
            nanos = fraction(line, at);
        }
        return local.at(num(line, 0, 4), num(line, 4, 6), num(line, 6, 8), fields[0], fields[1], fields[2], nanos);
    }

    /**
     * A tag word, epoch seconds and their day as {@code yyyy.MM.dd}: the supercomputer logs of the
     * Computer Failure Data Repository (Blue Gene/L, Thunderbird, Spirit, Liberty:
     * {@code - 1131566461 2005.11.09 dn228 Nov 9 12:01:01 ...}), whose later local stamp has no
     * zone. Read only when the line holds no other stamp, and only when the date is the epoch's
     * within a day; null otherwise.
     */
    Instant taggedEpoch(String line) {
        int space = line.indexOf(' ');
        if (space < 1 || space > 16 || !fits(line, space + 1, "dddddddddd dddd.dd.dd ")) {
            return null;
        }
        Instant at = epochSecond(line, space + 1, space + 11, 0);
        int date = space + 12;
        try {
            LocalDate day = LocalDate.of(num(line, date, date + 4), num(line, date + 5, date + 7),
                    num(line, date + 8, date + 10));
            return at != null && Math.abs(ChronoUnit.DAYS.between(day, at.atZone(ZoneOffset.UTC).toLocalDate())) <= 1
                    ? at : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Epoch seconds (10 digits, a fraction may follow) or milliseconds (13) and then a blank or the end. */
    private static Instant epoch(String line) {
        int digits = 0;
        while (digits < line.length() && digits < 14 && isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits == 13 && endsWord(line, 13)) {
            long millis = Long.parseLong(line, 0, 13, 10);
            return millis >= MIN_EPOCH_SECOND * 1000 && millis < MAX_EPOCH_SECOND * 1000
                    ? Instant.ofEpochMilli(millis) : null;
        }
        if (digits != 10) {
            return null;
        }
        int end = 10;
        if (end + 1 < line.length() && line.charAt(end) == '.' && isDigit(line.charAt(end + 1))) {
            end++;
            while (end < line.length() && end < 20 && isDigit(line.charAt(end))) {
                end++;
            }
        }
        return endsWord(line, end) ? epochSecond(line, 0, 10, end > 10 ? LocalStamps.nanos(line.substring(11, end)) : 0) : null;
    }

    /** Epoch seconds of the digits in {@code line[from, to)} between 2000 and 2100, else null. */
    static Instant epochSecond(String line, int from, int to, int nanos) {
        long second = Long.parseLong(line, from, to, 10);
        return second >= MIN_EPOCH_SECOND && second < MAX_EPOCH_SECOND ? Instant.ofEpochSecond(second, nanos) : null;
    }

    /** The nanoseconds of the fraction after the seconds ending at {@code at} ({@code .} or {@code ,} first); 0 when none. */
    private static int fraction(String line, int at) {
        if (at + 1 >= line.length() || ".,".indexOf(line.charAt(at)) < 0 || !isDigit(line.charAt(at + 1))) {
            return 0;
        }
        int end = at + 1;
        while (end < line.length() && end < at + 10 && isDigit(line.charAt(end))) {
            end++;
        }
        return LocalStamps.nanos(line.substring(at + 1, end));
    }

    /**
     * True when {@code line} holds {@code shape} at {@code at}: {@code d} stands for a digit, any
     * other character for itself.
     */
    static boolean fits(String line, int at, String shape) {
        if (line.length() < at + shape.length()) {
            return false;
        }
        for (int i = 0; i < shape.length(); i++) {
            char want = shape.charAt(i);
            char c = line.charAt(at + i);
            if (want == 'd' ? !isDigit(c) : c != want) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWord(String line, int at) {
        return at == line.length() || line.charAt(at) == ' ' || line.charAt(at) == '\t';
    }

    private static boolean isDateTimeSeparator(char c) {
        return c == '-' || c == 'T' || c == ' ';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The number of the digits in {@code line[from, to)}, checked by the caller. */
    private static int num(String line, int from, int to) {
        return Integer.parseInt(line, from, to, 10);
    }
}
