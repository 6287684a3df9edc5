package dev.vigil.analyzer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.shippers.file.Compression;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The journal export format ({@code journalctl -o export}, what {@code systemd-journal-remote}
 * reads; https://systemd.io/JOURNAL_EXPORT_FORMATS/) written as {@code journalctl -o json} lines:
 * {@code KEY=value} lines, a field that holds a newline or binary as {@code KEY}, its length
 * (64-bit little-endian) and its bytes, and a blank line after each entry. A value that is not
 * UTF-8 becomes an array of byte values, as journalctl's JSON writes it.
 */
final class JournalExportFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalExportFormat() {}

    /** True when a file whose text starts with {@code head} is an export: its first field is one every exported entry has first. */
    static boolean is(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 32), StandardCharsets.US_ASCII);
        return start.startsWith("__CURSOR=") || start.startsWith("__REALTIME_TIMESTAMP=");
    }

    /** Writes the entries of {@code from} to {@code to}, one JSON object per line; {@code notes} hears of a cut-off end. */
    static void write(Path from, String shownName, Path to, Consumer<String> notes) throws IOException {
        long entries = 0;
        try (InputStream in = new BufferedInputStream(Compression.open(from), 1 << 16);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(to))) {
            ObjectNode entry = MAPPER.createObjectNode();
            byte[] line;
            while ((line = readLine(in)) != null) {
                if (line.length == 0) {
                    if (!entry.isEmpty()) {
                        out.write(MAPPER.writeValueAsBytes(entry));
                        out.write('\n');
                        entries++;
                        entry = MAPPER.createObjectNode();
                    }
                    continue;
                }
                int eq = indexOf(line, (byte) '=');
                if (eq > 0) {
                    put(entry, new String(line, 0, eq, StandardCharsets.US_ASCII), Arrays.copyOfRange(line, eq + 1, line.length));
                    continue;
                }
                byte[] size = in.readNBytes(8);
                long length = size.length == 8 ? ByteBuffer.wrap(size).order(ByteOrder.LITTLE_ENDIAN).getLong() : -1;
                byte[] value = length < 0 || length > Integer.MAX_VALUE - 16 ? new byte[0] : in.readNBytes((int) length);
                if (length < 0 || value.length != length || in.read() != '\n') {
                    notes.accept(shownName + ": the export ends inside a field of entry " + (entries + 1)
                            + "; the " + entries + " entries before it are replayed");
                    return;
                }
                put(entry, new String(line, StandardCharsets.US_ASCII), value);
            }
            if (!entry.isEmpty()) {
                out.write(MAPPER.writeValueAsBytes(entry));
                out.write('\n');
            }
        }
    }

    private static void put(ObjectNode entry, String key, byte[] value) {
        try {
            entry.put(key, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException notText) {
            var bytes = entry.putArray(key);
            for (byte b : value) {
                bytes.add(b & 0xff);
            }
        }
    }

    /** The next line without its newline; null at the end. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toByteArray();
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
