package dev.vigil.analyzer.topology;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Big-endian numbers and raw bytes on a plain array, as {@code DataOutputStream} and
 * {@code DataInputStream} write and read them, for the signature route's records
 * ({@link InternalSerdes}, {@link EventBytes}). The streams lock and call through a
 * {@code ByteArrayInputStream} per byte, which the analyzer's little inlining leaves as calls:
 * decoding a signed copy that way cost about as much as mining it.
 */
final class RouteBytes {
    private RouteBytes() {}

    /** A growing array written from its start. */
    static final class Writer {
        private byte[] buf;
        private int size;

        Writer(int capacity) {
            this.buf = new byte[Math.max(16, capacity)];
        }

        void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        void writeInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void write(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }

        void write(byte[] bytes, int from, int length) {
            ensure(length);
            System.arraycopy(bytes, from, buf, size, length);
            size += length;
        }

        /** Bytes written so far. */
        int size() {
            return size;
        }

        /** Writes {@code b} over the byte at {@code index}, one already written. */
        void setByte(int index, int b) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("byte " + index + " of " + size + " written");
            }
            buf[index] = (byte) b;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }

    /** A cursor over part of an array; reading past its end throws {@link EOFException}. */
    static final class Reader {
        private final byte[] buf;
        private int pos;
        private final int end;

        Reader(byte[] buf, int from, int length) {
            this.buf = buf;
            this.pos = from;
            this.end = from + length;
        }

        int available() {
            return end - pos;
        }

        int readUnsignedByte() throws IOException {
            need(1);
            return buf[pos++] & 0xFF;
        }

        byte readByte() throws IOException {
            need(1);
            return buf[pos++];
        }

        boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        int readInt() throws IOException {
            need(4);
            int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | buf[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }

        long readLong() throws IOException {
            return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
        }

        /** The next {@code length} bytes as UTF-8, decoded in place. */
        String readUtf8(int length) throws IOException {
            need(length);
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        /** The next {@code length} bytes, skipped; returns where they start, for {@link #array()}. */
        int skip(int length) throws IOException {
            need(length);
            int at = pos;
            pos += length;
            return at;
        }

        /** The array read, for a part of it {@link #skip} passed over. */
        byte[] array() {
            return buf;
        }

        private void need(int n) throws EOFException {
            if (n < 0 || n > end - pos) {
                throw new EOFException("cut short: " + n + " more bytes wanted, " + (end - pos) + " left");
            }
        }
    }
}
