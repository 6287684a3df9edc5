package dev.vigil.shippers.kmsg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads {@code /dev/kmsg}: each read returns exactly one record, from the oldest one still in the
 * ring buffer. A read that fails with EPIPE means records were overwritten under the reader; the
 * next read returns the oldest remaining one. Closing the reader from another thread wakes a
 * blocked read.
 */
public final class KmsgDeviceReader implements KmsgReader {
    /** Larger than the kernel's longest record (message plus dictionary); a shorter buffer gets EINVAL. */
    private static final int RECORD_BUFFER = 16 * 1024;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(RECORD_BUFFER);

    public KmsgDeviceReader(Path device) throws IOException {
        this.channel = FileChannel.open(device, StandardOpenOption.READ);
    }

    @Override
    public byte[] next() throws IOException {
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            if (isBrokenPipe(e)) {
                throw new KmsgOverrunException("kernel ring buffer overwrote unread records: " + e.getMessage());
            }
            throw e;
        }
        return n < 0 ? null : Arrays.copyOf(buffer.array(), n);
    }

    private static boolean isBrokenPipe(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
