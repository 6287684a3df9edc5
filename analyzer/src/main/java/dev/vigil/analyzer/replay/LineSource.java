package dev.vigil.analyzer.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Lines of a file with their byte offsets and whether the last one ended with a newline: replay
 * needs both (event ids from offsets, {@code partial} for a log cut mid-line). Lines are split on
 * the raw bytes and decoded one at a time (UTF-8, malformed bytes replaced), so offsets are exact
 * even where the file is not valid UTF-8 and a large file streams through a fixed buffer.
 */
final class LineSource implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    /** File offset of {@code buffer[pos]}. */
    private long offset;
    /** The start of a line that runs past the end of the buffer. */
    private byte[] carry = new byte[256];

    LineSource(Path path) throws IOException {
        this.in = Files.newInputStream(path);
    }

    /** A line and the byte offset it starts at. */
    record Line(String text, long offset, boolean endsWithNewline) {}

    /** The next line, or null at the end. */
    Line next() throws IOException {
        long start = offset;
        int carried = 0;
        while (true) {
            if (pos == limit && !fill()) {
                if (carried == 0) {
                    return null;
                }
                return new Line(decode(carry, 0, carried), start, false);
            }
            int newline = indexOfNewline();
            if (newline >= 0) {
                int length = newline - pos;
                String text;
                if (carried == 0) {
                    text = decode(buffer, pos, length);
                } else {
                    carried = carry(carried, length);
                    text = decode(carry, 0, carried);
                }
                offset += length + 1;
                pos = newline + 1;
                return new Line(text, start, true);
            }
            int rest = limit - pos;
            carried = carry(carried, rest);
            offset += rest;
            pos = limit;
        }
    }

    private boolean fill() throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        pos = 0;
        limit = n;
        return n > 0;
    }

    private int indexOfNewline() {
        for (int i = pos; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Appends {@code length} bytes at {@code pos} to the carried start of a line; returns its new length. */
    private int carry(int carried, int length) {
        if (carried + length > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + length));
        }
        System.arraycopy(buffer, pos, carry, carried, length);
        return carried + length;
    }

    /** The line's text without a trailing carriage return (a file written on Windows). */
    private static String decode(byte[] bytes, int from, int length) {
        int n = length > 0 && bytes[from + length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, from, n, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
