package dev.vigil.shippers.kmsg;

/** A kmsg record that does not follow the {@code pri,seq,ts,flags;message} layout; the message says why. */
public class KmsgFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public KmsgFormatException(String message) {
        super(message);
    }
}
