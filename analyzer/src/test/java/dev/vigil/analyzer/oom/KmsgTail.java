package dev.vigil.analyzer.oom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the real {@code /dev/kmsg} from "now" on, in a background thread, for tests.
 *
 * <p>Each read of {@code /dev/kmsg} returns exactly one record (Documentation/ABI/testing/dev-kmsg),
 * so the buffer is 8 KiB, larger than any record. A read that fails with EPIPE means the ring buffer
 * overwrote records before they were read; the next read continues at the oldest record still there.
 *
 * <p>Java cannot {@code lseek(fd, 0, SEEK_END)}, so "now" is a marker: a record this class writes to
 * {@code /dev/kmsg} itself. {@link #records()} holds the records after the marker, the same set a
 * reader that seeked to the end at start time would see.
 */
final class KmsgTail implements AutoCloseable {

    static final Path DEV_KMSG = Path.of("/dev/kmsg");
    private static final Pattern RECORD = Pattern.compile("(\\d+),(\\d+),(\\d+),([^,;]*)[^;]*;([^\\n]*)\\n?(?s:.*)");

    /** One kernel log record: syslog priority and facility, sequence number, monotonic usec, text. */
    record Record(int level, long seq, long tsUsec, String message) {}

    private final String marker = "vigil: kmsg tail start " + UUID.randomUUID();
    private final List<Record> after = new CopyOnWriteArrayList<>();
    private final FileChannel channel;
    private final Thread reader;
    private volatile boolean markerSeen;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    private KmsgTail() throws IOException {
        channel = FileChannel.open(DEV_KMSG, StandardOpenOption.READ);
        reader = new Thread(this::readLoop, "kmsg-tail");
        reader.setDaemon(true);
    }

    /** Starts following; returns once the marker record is written (it may not be read yet). */
    static KmsgTail start() throws IOException {
        KmsgTail tail = new KmsgTail();
        tail.reader.start();
        tail.write(tail.marker);
        return tail;
    }

    /** Why this machine's /dev/kmsg cannot be followed, or null when it can. */
    static String unavailableReason() {
        if (!Files.isReadable(DEV_KMSG) || !Files.isWritable(DEV_KMSG)) {
            return DEV_KMSG + " is not readable and writable here (no such device, or not root)";
        }
        try {
            FileChannel.open(DEV_KMSG, StandardOpenOption.READ).close();
            return null;
        } catch (IOException e) {
            return DEV_KMSG + " cannot be opened: " + e;
        }
    }

    /** True once the reader has reached the marker; throws what stopped the reader, if anything did. */
    boolean isFollowing() {
        rethrowReaderFailure();
        return markerSeen;
    }

    /** Records the kernel logged after {@link #start()}, in order. */
    List<Record> records() {
        rethrowReaderFailure();
        return List.copyOf(after);
    }

    private void rethrowReaderFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (!closing) {
            buf.clear();
            try {
                int n = channel.read(buf);
                if (n <= 0) {
                    continue;
                }
                accept(new String(buf.array(), 0, n, StandardCharsets.UTF_8));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                if (!"Broken pipe".equals(e.getMessage())) {
                    failure = new IllegalStateException("reading " + DEV_KMSG, e);
                    return;
                }
                // EPIPE: records were overwritten before we read them; carry on from the oldest left
            } catch (IllegalStateException e) {
                failure = e;
                return;
            }
        }
    }

    private void accept(String raw) {
        Matcher m = RECORD.matcher(raw);
        if (!m.matches()) {
            throw new IllegalStateException("not a " + DEV_KMSG + " record: " + raw);
        }
        String message = m.group(5);
        if (!markerSeen) {
            markerSeen = message.equals(marker);
            return;
        }
        after.add(new Record(Integer.parseInt(m.group(1)) & 7, Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), message));
    }

    private void write(String message) throws IOException {
        Files.writeString(DEV_KMSG, message + "\n", StandardOpenOption.WRITE);
    }

    /** Stops the reader: a last record wakes it from its blocking read. */
    @Override
    public void close() throws IOException {
        closing = true;
        write("vigil: kmsg tail stop");
        reader.interrupt();
        channel.close();
    }
}
