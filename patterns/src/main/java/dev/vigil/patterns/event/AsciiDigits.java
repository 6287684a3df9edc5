package dev.vigil.patterns.event;

/** Decimal digits written straight into a byte buffer, for the per-event paths that avoid building text. */
final class AsciiDigits {
    private AsciiDigits() {}

    /** How many digits {@code value} (not negative) has. */
    static int count(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    /** Writes the last {@code width} digits of {@code value} (not negative), zero-padded, at {@code at}. */
    static void write(long value, byte[] out, int at, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
