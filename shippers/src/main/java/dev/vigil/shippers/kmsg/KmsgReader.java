package dev.vigil.shippers.kmsg;

import java.io.Closeable;
import java.io.IOException;

/** Where kmsg records come from: the device, or a file or pipe with the same framing. */
public interface KmsgReader extends Closeable {
    /**
     * The next raw record, blocking until one is there; null at the end of a file.
     *
     * @throws KmsgOverrunException the ring buffer overwrote records this reader had not read yet
     */
    byte[] next() throws IOException;
}
