package dev.vigil.analyzer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.shippers.file.Compression;
import dev.vigil.shippers.syslog.SyslogLineParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code journalctl -o verbose} output written as {@code journalctl -o json} lines. Each entry
 * starts with its time and cursor ({@code Tue 2026-03-24 18:41:04.000000 UTC [s=…;i=1;b=BOOT;m=HEX;t=HEX;x=…]}),
 * whose {@code t=} and {@code m=} are the entry's realtime and monotonic microseconds in hex; then
 * one {@code KEY=value} per line, indented by four spaces. A value's further lines are indented to
 * where its first began ({@code 4 + len(KEY) + 1}), and a value journalctl did not print
 * ({@code KEY=[3B blob data]}) is left out, as it holds nothing of the entry's text.
 */
final class JournalVerboseFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** An entry's first line: journalctl's time stamp, then its cursor in brackets. */
    private static final Pattern HEADER = Pattern.compile(
            "^\\S.* \\[(s=[0-9a-f]+;i=[0-9a-f]+;b=([0-9a-f]{32});m=([0-9a-f]+);t=([0-9a-f]+);x=[0-9a-f]+)\\]$");
    private static final Pattern FIELD = Pattern.compile("^    ([A-Za-z0-9_]+)=(.*)$");
    private static final Pattern BLOB = Pattern.compile("^\\[[0-9.]+[KMGTPE]?B? blob data\\]$");

    private JournalVerboseFormat() {}

    /** True when a file whose text starts with {@code head} is such output: its first line that is not a marker is an entry's. */
    static boolean is(byte[] head) {
        for (String line : new String(head, StandardCharsets.UTF_8).split("\n", 4)) {
            if (!SyslogLineParser.isJournalMarker(line)) {
                return HEADER.matcher(line).matches();
            }
        }
        return false;
    }

    /** Writes the entries of {@code from} to {@code to}, one JSON object per line; {@code notes} hears of lines that are none of its. */
    static void write(Path from, String shownName, Path to, Consumer<String> notes) throws IOException {
        long skipped = 0;
        long firstSkipped = 0;
        long number = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Compression.open(from), StandardCharsets.UTF_8), 1 << 16);
                BufferedWriter out = Files.newBufferedWriter(to)) {
            ObjectNode entry = null;
            String key = null;
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                Matcher header = HEADER.matcher(line);
                Matcher field = FIELD.matcher(line);
                if (header.matches()) {
                    flush(entry, out);
                    entry = MAPPER.createObjectNode()
                            .put("__CURSOR", header.group(1))
                            .put("__REALTIME_TIMESTAMP", Long.toUnsignedString(Long.parseUnsignedLong(header.group(4), 16)))
                            .put("__MONOTONIC_TIMESTAMP", Long.toUnsignedString(Long.parseUnsignedLong(header.group(3), 16)))
                            .put("_BOOT_ID", header.group(2));
                    key = null;
                } else if (entry != null && field.matches()) {
                    key = BLOB.matcher(field.group(2)).matches() ? null : field.group(1);
                    if (key != null) {
                        entry.put(key, field.group(2));
                    }
                } else if (entry != null && key != null && line.startsWith(" ")) {
                    entry.put(key, entry.get(key).asText() + "\n" + line.substring(Math.min(indent(line), 4 + key.length() + 1)));
                } else if (!line.isBlank() && !SyslogLineParser.isJournalMarker(line) && !(key == null && line.startsWith(" "))) {
                    firstSkipped = skipped++ == 0 ? number : firstSkipped;
                }
            }
            flush(entry, out);
        }
        if (skipped > 0) {
            notes.accept(shownName + ": " + skipped + " line(s) are not journalctl -o verbose output (the first is line "
                    + firstSkipped + ") and are left out");
        }
    }

    private static void flush(ObjectNode entry, BufferedWriter out) throws IOException {
        if (entry != null) {
            out.write(MAPPER.writeValueAsString(entry));
            out.write('\n');
        }
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
