package dev.vigil.analyzer.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of one kind of engine state in its store. A value starts with a format byte
 * ({@link #BINARY_V1}), then its fields in a fixed order; each record also keeps its own version
 * field ({@code v}), so a newer analyzer reads what an older one wrote. Binary, because the state
 * of every event is written back in the same step (exactly-once), and writing it as JSON was the
 * largest cost of a replay.
 *
 * <p>Layout (big-endian): strings are a length plus one ({@code 0} for null, as an int) and UTF-8
 * bytes; instants are epoch seconds (long) and nanoseconds (int); lists and maps are a size (int)
 * and their items (a map's in iteration order, key then value).
 */
public final class StateCodec<V> {
    public static final byte BINARY_V1 = 1;
    private static final int MAX_STRING_BYTES = 1 << 24;

    /** Writes and reads the fields of one record type. */
    public interface Fields<V> {
        void write(V value, Output out);

        V read(DataInputStream in) throws IOException;
    }

    /** Reads one item of a list or one value of a map. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Writes one item of a list or one value of a map. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T value, Output out);
    }

    /**
     * A growing byte array with big-endian writers. Not a {@code DataOutputStream}: that writes
     * an int as four synchronized one-byte writes, which showed in a replay's profile.
     */
    public static final class Output {
        private byte[] buf = new byte[512];
        private int size;

        public void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        public void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        public void writeInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        public void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        public void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }
    }

    private final Class<V> type;
    private final Fields<V> fields;

    public StateCodec(Class<V> type, Fields<V> fields) {
        this.type = type;
        this.fields = fields;
    }

    public byte[] encode(V value) {
        Output out = new Output();
        out.writeByte(BINARY_V1);
        fields.write(value, out);
        return out.toByteArray();
    }

    /** Reads a value; throws {@link IOException} naming the format byte when it is not one this analyzer reads. */
    public V decode(byte[] bytes) throws IOException {
        if (bytes.length == 0 || bytes[0] != BINARY_V1) {
            throw new IOException("unknown state format " + (bytes.length == 0 ? "(empty value)" : "byte " + bytes[0])
                    + " for " + type.getSimpleName() + "; this analyzer reads format " + BINARY_V1);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            return fields.read(in);
        }
    }

    // --- field helpers -------------------------------------------------------------------------

    public static void writeString(String s, Output out) {
        if (s == null) {
            out.writeInt(0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length + 1);
        out.write(b);
    }

    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == 0) {
            return null;
        }
        if (n < 0 || n - 1 > MAX_STRING_BYTES) {
            throw new IOException("string length " + (n - 1) + " out of range");
        }
        byte[] b = new byte[n - 1];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    public static void writeInstant(Instant t, Output out) {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    public static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    public static <T> void writeList(List<T> items, Writer<T> item, Output out) {
        out.writeInt(items.size());
        for (T t : items) {
            item.write(t, out);
        }
    }

    public static <T> List<T> readList(DataInputStream in, Reader<T> item) throws IOException {
        int n = size(in);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(item.read(in));
        }
        return out;
    }

    public static <T> void writeMap(Map<String, T> map, Writer<T> value, Output out) {
        out.writeInt(map.size());
        for (Map.Entry<String, T> e : map.entrySet()) {
            writeString(e.getKey(), out);
            value.write(e.getValue(), out);
        }
    }

    /** A map in the order it was written (a window's distinct values rely on it). */
    public static <T> Map<String, T> readMap(DataInputStream in, Reader<T> value) throws IOException {
        int n = size(in);
        Map<String, T> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(readString(in), value.read(in));
        }
        return out;
    }

    private static int size(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING_BYTES) {
            throw new IOException("collection size " + n + " out of range");
        }
        return n;
    }
}
