package dev.vigil.shippers.kmsg;

import java.io.IOException;

/** A read of {@code /dev/kmsg} failed with EPIPE: records were overwritten before they were read. */
public class KmsgOverrunException extends IOException {
    private static final long serialVersionUID = 1L;

    public KmsgOverrunException(String message) {
        super(message);
    }
}
