package dev.vigil.analyzer.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.shippers.file.Compression;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * JSON that is not one object per line, made so: {@code journalctl -o json-pretty} (an object over
 * many lines), {@code -o json-seq} (each record after an RS byte, RFC 7464) and a JSON array of
 * entries ({@code jq -s}). Replay's readers and format detection read JSON lines.
 */
final class JsonLines {
    /** The record separator of RFC 7464 ({@code json-seq}). */
    private static final int RS = 0x1e;
    /** How much of a file's start {@link #needed} looks at. */
    static final int PEEK = 1 << 16;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {}

    /**
     * True when a file whose text starts with {@code head} ({@link #PEEK} bytes at most) is JSON in
     * one of the shapes above rather than JSON lines (or not JSON).
     */
    static boolean needed(byte[] head) {
        int i = skipSpace(head, startsWithBom(head) ? 3 : 0);
        if (i == head.length) {
            return false;
        }
        if (head[i] == RS) {
            return true;
        }
        // an array of objects: '[' then '{"' (an app log's "[2026-12-03 …" line is not one)
        if (head[i] == '[') {
            i = skipSpace(head, i + 1);
            return i < head.length && head[i] == '{' && startsMember(head, i + 1);
        }
        // pretty: the first line holds the object's opening brace alone, a member on the next
        return head[i] == '{' && lineEndBetween(head, i + 1) && startsMember(head, i + 1);
    }

    private static boolean startsMember(byte[] b, int from) {
        int i = skipSpace(b, from);
        return i < b.length && b[i] == '"';
    }

    /**
     * Writes {@code from}'s records to {@code to}, one compact object per line, and says what it
     * could not read: JSON broken before the first record refuses the file; broken later (a dump
     * cut short), the records before it are kept and {@code notes} is told where it stopped.
     */
    static void write(Path from, String shownName, Path to, Consumer<String> notes) throws IOException, ReplayFiles.Refused {
        long records = 0;
        try (InputStream in = new SeparatorsAsSpace(Compression.open(from));
                JsonParser parser = MAPPER.getFactory().createParser(in);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(to))) {
            try {
                JsonToken first = parser.nextToken();
                boolean array = first == JsonToken.START_ARRAY;
                JsonToken t = array ? parser.nextToken() : first;
                while (t != null && t != JsonToken.END_ARRAY) {
                    JsonNode record = MAPPER.readTree(parser);
                    out.write(MAPPER.writeValueAsBytes(record));
                    out.write('\n');
                    records++;
                    t = parser.nextToken();
                }
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                String where = shownName + " is not valid JSON at line " + (at == null ? "?" : at.getLineNr()) + ", column "
                        + (at == null ? "?" : at.getColumnNr()) + " (" + e.getOriginalMessage() + ")";
                if (records == 0) {
                    throw new ReplayFiles.Refused(where);
                }
                notes.accept(where + "; the " + records + " records before it are replayed");
            }
        }
    }

    private static int skipSpace(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** A UTF-8 byte order mark, which Jackson reads past at the start. */
    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
    }

    private static boolean lineEndBetween(byte[] b, int from) {
        for (int i = from; i < b.length && b[i] != '"' && b[i] != '}'; i++) {
            if (b[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** json-seq's RS bytes read as spaces, which JSON allows between values. */
    private static final class SeparatorsAsSpace extends FilterInputStream {
        SeparatorsAsSpace(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b == RS ? ' ' : b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                if (buf[i] == RS) {
                    buf[i] = ' ';
                }
            }
            return n;
        }
    }
}
