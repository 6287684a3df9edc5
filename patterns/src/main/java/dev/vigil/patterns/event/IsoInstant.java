package dev.vigil.patterns.event;

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
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return t.toString();
        }
        int nano = t.getNano();
        int fractionDigits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        char[] out = new char[20 + (fractionDigits == 0 ? 0 : fractionDigits + 1)];
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        put(out, 0, day.getYear(), 4);
        out[4] = '-';
        put(out, 5, day.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, day.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int end = 19;
        if (fractionDigits > 0) {
            out[end] = '.';
            put(out, end + 1, nano / pow10(9 - fractionDigits), fractionDigits);
            end += fractionDigits + 1;
        }
        out[end] = 'Z';
        return new String(out);
    }

    /** Writes {@code value} as {@code width} digits, zero-padded, at {@code at}. */
    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
