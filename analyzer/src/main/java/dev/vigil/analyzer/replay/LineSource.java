package dev.vigil.analyzer.replay;

import dev.vigil.shippers.file.Compression;
import dev.vigil.shippers.file.FileTailConfig;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Lines of a file with their byte offsets, numbers and whether the last one ended with a newline:
 * replay needs them (event ids from offsets, {@code file:line} of a bad record, {@code partial}
 * for a log cut mid-line). Lines are split on the raw bytes and decoded one at a time (UTF-8,
 * malformed bytes replaced), so offsets are exact even where the file is not valid UTF-8 and a
 * large file streams through a fixed buffer. What is held is bounded as the file shipper bounds
 * it: a line longer than {@link #MAX_LINE_BYTES} is cut there and flagged, the rest of it read
 * past; and a run of {@link #NUL_RUN} or more NUL bytes (a preallocated file, or one a crash left
 * zero-filled) is left out of its line, with a note, rather than read as text. A gzip file is read
 * as its text, offsets counted in the text.
 */
final class LineSource implements Closeable {
    /** Lines are cut at the file shipper's default {@code file.max_line_bytes}, so replay sees what it would ship. */
    static final int MAX_LINE_BYTES = FileTailConfig.defaults(List.of()).maxLineBytes();
    /** NUL bytes in a row from which they are filler, not text. */
    static final int NUL_RUN = 8;
    private static final int BUFFER = 1 << 16;
    /** The byte order mark some Windows tools write at the start of a UTF-8 file. */
    private static final String BOM = "\uFEFF";

    private final InputStream in;
    private final BadRecords bad;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    /** File offset of {@code buffer[pos]}. */
    private long offset;
    /** Number of the last line started. */
    private long number;
    /** The line being read, when it is not read straight from the buffer. */
    private byte[] carry = new byte[256];
    /** A gzip file that ended before its stream did: nothing more to read. */
    private boolean cutShort;
    /**
     * The buffer as text when it is all ASCII without a NUL (most logs), else null: a line's end is
     * then found by {@link String#indexOf(int, int)}, which the JVM runs many bytes at a time, and
     * its text is a copy of part of it, instead of a byte loop and a decode per line.
     */
    private String ascii;

    LineSource(Path path) throws IOException {
        this(path, BadRecords.unreported(path));
    }

    LineSource(Path path, BadRecords bad) throws IOException {
        this(path, bad, MAX_LINE_BYTES);
    }

    LineSource(Path path, BadRecords bad, int maxLineBytes) throws IOException {
        this.in = Compression.open(path);
        this.bad = bad;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * A line, the byte offset it starts at and its number (from 1).
     *
     * @param truncated the line was longer than the cap and is cut (the shipper's {@code line_truncated})
     */
    record Line(String text, long offset, boolean endsWithNewline, long number, boolean truncated) {}

    /** The next line, or null at the end. A line that held nothing but NUL filler is not a line. */
    Line next() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return null;
            }
            Line line = read();
            if (line != null) {
                // a UTF-8 byte order mark (a file from a Windows tool) is no text of the first line
                return line.offset() == 0 && line.text().startsWith(BOM)
                        ? new Line(line.text().substring(1), 0, line.endsWithNewline(), line.number(), line.truncated()) : line;
            }
        }
    }

    /** The line starting at the current position, or null when it was NUL filler only. */
    private Line read() throws IOException {
        long start = offset;
        long lineNumber = ++number;
        // one pass for both bytes: a NUL is rare, and a second pass to rule it out cost a tenth of reading
        int newline = ascii != null ? ascii.indexOf('\n', pos) : newlineOrNul();
        if (newline >= 0 && buffer[newline] == '\n' && newline - pos <= maxLineBytes) {
            // the usual line: whole in the buffer, short, no NUL
            String text = ascii != null ? asciiLine(pos, newline) : decode(buffer, pos, newline - pos);
            offset += newline - pos + 1;
            pos = newline + 1;
            return new Line(text, start, true, lineNumber, false);
        }
        int length = 0;
        long nuls = 0;
        boolean cut = false;
        boolean ended = false;
        while (!ended) {
            if (pos == limit && !fill()) {
                break;
            }
            int end = indexOf((byte) '\n');
            ended = end >= 0;
            end = ended ? end : limit;
            // copy [pos, end) without its NUL runs, up to the cap
            int i = pos;
            while (i < end) {
                int run = nulRunAt(i, end);
                if (run >= NUL_RUN || (run > 0 && i + run == end && !ended)) {
                    nuls += run;
                    i += run;
                    continue;
                }
                int next = run > 0 ? i + run : nextNulRun(i, end);
                if (!cut) {
                    int room = maxLineBytes - length;
                    int take = Math.min(next - i, room);
                    if (take < next - i) {
                        take = utf8Boundary(i, take);
                        cut = true;
                    }
                    length = append(length, i, take);
                }
                i = next;
            }
            offset += end - pos;
            pos = end;
            if (ended) {
                offset++;
                pos++;
            }
        }
        if (nuls > 0) {
            bad.note(lineNumber, nuls + " NUL bytes (a preallocated or crashed file)");
        }
        if (length == 0 && nuls > 0) {
            return null;
        }
        return new Line(decode(carry, 0, length), start, ended, lineNumber, cut);
    }

    private boolean fill() throws IOException {
        int n = 0;
        try {
            while (n < buffer.length && !cutShort) {
                int read = in.read(buffer, n, buffer.length - n);
                if (read < 0) {
                    break;
                }
                n += read;
            }
        } catch (EOFException e) {
            if (!(in instanceof GZIPInputStream)) {
                throw e;
            }
            // a gzip file cut short (copied while it was written, or the host crashed): the text
            // it holds is replayed, as zcat prints it before its error
            cutShort = true;
            // an EOFException of a stream cut inside its header has no message
            bad.note(number, "the gzip stream ends early" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + "; read up to there");
        }
        pos = 0;
        limit = n;
        ascii = asciiText(buffer, n);
        return n > 0;
    }

    /**
     * The first {@code n} bytes as text when they are all ASCII and hold no NUL, else null. Read as
     * US-ASCII, every byte beyond it becomes U+FFFD, so the text holds that character exactly when
     * the bytes are not all ASCII; both checks run many characters at a time.
     */
    private static String asciiText(byte[] bytes, int n) {
        String text = new String(bytes, 0, n, StandardCharsets.US_ASCII);
        return text.indexOf('\uFFFD') < 0 && text.indexOf(0) < 0 ? text : null;
    }

    /** The line {@code [from, newline)} of the ASCII buffer, without a trailing carriage return. */
    private String asciiLine(int from, int newline) {
        int end = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        return ascii.substring(from, end);
    }

    /** Where the first newline or NUL byte from the current position is, or -1. */
    private int newlineOrNul() {
        for (int i = pos; i < limit; i++) {
            byte b = buffer[i];
            if (b == '\n' || b == 0) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(byte b) {
        return indexOf(b, pos, limit);
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** NUL bytes in a row at {@code i}. A run that reaches {@code end} may go on in the next buffer. */
    private int nulRunAt(int i, int end) {
        int j = i;
        while (j < end && buffer[j] == 0) {
            j++;
        }
        return j - i;
    }

    /** Where the next NUL byte at or after {@code i} is, or {@code end}. */
    private int nextNulRun(int i, int end) {
        int at = indexOf((byte) 0, i, end);
        return at < 0 ? end : at;
    }

    /** {@code take} bytes from {@code from}, fewer so as not to split a UTF-8 sequence at the cut. */
    private int utf8Boundary(int from, int take) {
        int cut = from + take;
        while (cut > from && (buffer[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut - from;
    }

    /** Appends {@code count} bytes from {@code from} to the line; returns its new length. */
    private int append(int length, int from, int count) {
        if (length + count > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, length + count));
        }
        System.arraycopy(buffer, from, carry, length, count);
        return length + count;
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
