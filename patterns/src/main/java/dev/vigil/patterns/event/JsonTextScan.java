package dev.vigil.patterns.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where the plain run of a JSON string's bytes stops: its closing quote, an escape, a
 * control byte or a byte outside ASCII. Eight bytes are tested at once, as one long (a string of
 * an event is mostly a message of some hundred bytes of plain ASCII, whose byte-by-byte loop was
 * the largest part of the parse on the live stream thread).
 */
final class JsonTextScan {
    /** Little-endian: the lowest byte of the long is the first of the eight in the array. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * ' ';

    private JsonTextScan() {}

    /** The index of the first byte from {@code from} that is {@code "}, {@code \}, below 0x20 or above 0x7f; {@code b.length} if none. */
    static int stop(byte[] b, int from) {
        int k = from;
        for (int last = b.length - Long.BYTES; k <= last; k += Long.BYTES) {
            long stops = stops(word(b, k));
            if (stops != 0) {
                return k + (Long.numberOfTrailingZeros(stops) >>> 3);
            }
        }
        for (; k < b.length; k++) {
            byte c = b[k];
            if (c == '"' || c == '\\' || c < 0x20) { // a signed byte: above 0x7f is below 0
                return k;
            }
        }
        return k;
    }

    /** The eight bytes of {@code b} from {@code at} as a long, the first the lowest; {@code at + 8} must not be past the end. */
    static long word(byte[] b, int at) {
        return (long) LONGS.get(b, at);
    }

    /** Where the first {@code "} of the eight bytes of {@code word} is, 0 to 7; 8 when none is. */
    static int firstQuote(long word) {
        long quote = word ^ QUOTES;
        // exact for the lowest byte that is 0, the one that counts: only bytes above it can take a borrow
        return Long.numberOfTrailingZeros((quote - ONES) & ~quote & HIGH_BITS) >>> 3;
    }

    /**
     * The high bit of each byte of {@code word} that stops the run, and possibly of bytes after the
     * first such one (a subtraction's borrow runs upwards): the lowest bit set is always exact.
     * A byte of 0x22 or 0x5c is 0 once xored with it, and only 0 turns negative when 1 is taken
     * from it; a byte below 0x20 turns negative when 0x20 is; a byte above 0x7f is negative itself.
     */
    private static long stops(long word) {
        long quote = word ^ QUOTES;
        long backslash = word ^ BACKSLASHES;
        return ((quote - ONES) | (backslash - ONES) | (word - SPACES) | word) & HIGH_BITS;
    }
}
