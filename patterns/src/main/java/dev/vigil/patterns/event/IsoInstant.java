package dev.vigil.patterns.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes an instant exactly as {@link Instant#toString()} does (ISO-8601 UTC, the fraction in
 * groups of three digits, none when zero) without going through {@code DateTimeFormatter},
 * which costs more than the rest of an event's JSON; years outside 0000..9999 take the JDK's path.
 */
final class IsoInstant {
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long END_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;

    private IsoInstant() {}

    static String format(Instant t) {
        if (!isFourDigitYear(t)) {
            return t.toString();
        }
        byte[] out = new byte[length(t)];
        write(t, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
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
