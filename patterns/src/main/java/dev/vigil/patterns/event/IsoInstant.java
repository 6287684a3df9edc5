package dev.vigil.patterns.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes an instant exactly as {@link Instant#toString()} does (ISO-8601 UTC, the fraction in
 * groups of three digits, none when zero) and reads the form every shipper writes, without going
 * through {@code DateTimeFormatter}, which costs more than the rest of an event's JSON; other
 * forms and years outside 0000..9999 take the JDK's path.
 */
final class IsoInstant {
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long END_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;
    /** Days from 0000-01-01 to 1970-01-01, as {@code LocalDate} counts them. */
    private static final long DAYS_0000_TO_1970 = 719_528L;

    private IsoInstant() {}

    static String format(Instant t) {
        if (!isFourDigitYear(t)) {
            return t.toString();
        }
        byte[] out = new byte[length(t)];
        write(t, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * {@code text} as an instant when it has the form shippers write, {@code yyyy-MM-ddTHH:mm:ss}
     * with 1 to 9 fraction digits or none, then {@code Z}, and is a valid time; null for anything
     * else (offsets, lower case, leap seconds, 24:00, a day the month lacks), which
     * {@link Instant#parse} then accepts or refuses as it always did.
     */
    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST) {
            return null;
        }
        // a character outside ISO-8859-1 becomes '?', and one of it above 0x7f a negative byte: neither is of the form
        return parse(text.getBytes(StandardCharsets.ISO_8859_1), 0, length);
    }

    static final int SHORTEST = 20;
    static final int LONGEST = 30;

    /** As {@link #parse(String)}, the ASCII text of {@code b} from {@code from} to {@code to} (an event's JSON, unescaped). */
    static Instant parse(byte[] b, int from, int to) {
        int length = to - from;
        if (length < SHORTEST || length > LONGEST || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
                || b[from + 13] != ':' || b[from + 16] != ':' || b[to - 1] != 'Z') {
            return null;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nano = 0;
        if (length > SHORTEST) {
            int fractionDigits = length - 21;
            if (b[from + 19] != '.' || fractionDigits < 1) {
                return null;
            }
            int fraction = digits(b, from + 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nano = fraction * pow10(9 - fractionDigits);
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second;
        return Instant.ofEpochSecond(seconds, nano);
    }

    /** The non-negative number of {@code count} ASCII digits at {@code at}, or -1 when one is not a digit. */
    private static int digits(byte[] b, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days from 1970-01-01 to the date (proleptic Gregorian, as {@code LocalDate#toEpochDay}). */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year;
        total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total -= isLeap(year) ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    /** True when {@link #write} can write {@code t}: its year is 0000 to 9999. */
    static boolean isFourDigitYear(Instant t) {
        return t.getEpochSecond() >= FIRST_SECOND && t.getEpochSecond() < END_SECOND;
    }

    /** Length of {@code t}'s text; its year must be 0000 to 9999. */
    static int length(Instant t) {
        int digits = fractionDigits(t.getNano());
        return 20 + (digits == 0 ? 0 : digits + 1);
    }

    /**
     * Writes {@code t}'s text as ASCII into {@code out} at {@code at}, without building a String
     * (event JSON is written as bytes); its year must be 0000 to 9999.
     */
    static void write(Instant t, byte[] out, int at) {
        long seconds = t.getEpochSecond();
        int nano = t.getNano();
        int fractionDigits = fractionDigits(nano);
        long epochDay = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // civil date from days since 1970-01-01 (proleptic Gregorian, eras of 400 years from
        // 0000-03-01), the same calendar LocalDate uses, without building one per event
        long days = epochDay + 719_468;
        long era = Math.floorDiv(days, 146_097);
        int dayOfEra = (int) (days - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int shiftedMonth = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        AsciiDigits.write(year, out, at, 4);
        out[at + 4] = '-';
        AsciiDigits.write(month, out, at + 5, 2);
        out[at + 7] = '-';
        AsciiDigits.write(dayOfMonth, out, at + 8, 2);
        out[at + 10] = 'T';
        AsciiDigits.write(secondOfDay / 3600, out, at + 11, 2);
        out[at + 13] = ':';
        AsciiDigits.write(secondOfDay / 60 % 60, out, at + 14, 2);
        out[at + 16] = ':';
        AsciiDigits.write(secondOfDay % 60, out, at + 17, 2);
        int end = at + 19;
        if (fractionDigits > 0) {
            out[end] = '.';
            AsciiDigits.write(nano / pow10(9 - fractionDigits), out, end + 1, fractionDigits);
            end += fractionDigits + 1;
        }
        out[end] = 'Z';
    }

    /** 0, 3, 6 or 9: the fraction in groups of three digits, none when zero. */
    private static int fractionDigits(int nano) {
        return nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
