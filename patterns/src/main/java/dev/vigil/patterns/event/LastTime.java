package dev.vigil.patterns.event;

import java.time.Instant;
import java.util.Arrays;

/**
 * The {@code ts} text a thread read last in the shippers' form, and its instant: the events of a
 * stream come in order, and a log that stamps whole seconds or milliseconds gives many events the
 * same time in a row, which is then that instant again (an {@code Instant} is a value: one is as
 * good as another of the same time) without being parsed.
 */
final class LastTime {
    private final byte[] text = new byte[IsoInstant.LONGEST];
    private int length;
    private Instant instant;

    /** The instant of the text of {@code b} from {@code from} to {@code to}; null when it is not in the shippers' form. */
    Instant read(byte[] b, int from, int to) {
        int length = to - from;
        if (length == this.length && Arrays.equals(b, from, to, text, 0, length)) {
            return instant;
        }
        Instant t = IsoInstant.parse(b, from, to);
        if (t != null) {
            System.arraycopy(b, from, text, 0, length);
            this.length = length;
            instant = t;
        }
        return t;
    }
}
