package dev.vigil.analyzer.replay;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lines of a file with their byte offsets and whether the last one ended with a newline: replay
 * needs both (event ids from offsets, {@code partial} for a log cut mid-line).
 */
final class LineSource implements Closeable {
    private final BufferedReader in;
    private long offset;
    private boolean lastHadNewline = true;

    LineSource(Path path) throws IOException {
        this.in = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    /** A line and the byte offset it starts at. */
    record Line(String text, long offset, boolean endsWithNewline) {}

    /** The next line, or null at the end. */
    Line next() throws IOException {
        StringBuilder sb = new StringBuilder();
        long start = offset;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                offset += 1;
                return new Line(stripCr(sb), start, true);
            }
            sb.append((char) c);
            offset += utf8Length(c);
        }
        if (sb.length() == 0) {
            return null;
        }
        lastHadNewline = false;
        return new Line(stripCr(sb), start, false);
    }

    boolean lastHadNewline() {
        return lastHadNewline;
    }

    private static String stripCr(StringBuilder sb) {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
    }

    private static int utf8Length(int c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        // a surrogate pair is 4 bytes in UTF-8: 2 for each half
        return Character.isSurrogate((char) c) ? 2 : 3;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
