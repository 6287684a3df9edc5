package dev.vigil.analyzer.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the journals being replayed say about their hosts' boots: each boot's start
 * (realtime minus monotonic of its entries) and the host names, so kernel logs, which only have
 * seconds since boot, can be put on the same clock.
 */
final class BootTimes {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> FIELDS = Set.of("_HOSTNAME", "_BOOT_ID", "__REALTIME_TIMESTAMP",
            "__MONOTONIC_TIMESTAMP");

    private final Map<String, Instant> bootedAt = new LinkedHashMap<>();
    private final Set<String> hosts = new TreeSet<>();

    /** Reads the boot ids, boot times and host names of a {@code journalctl -o json} file. */
    void learnFrom(Path journal) throws IOException {
        try (LineSource lines = new LineSource(journal)) {
            LineSource.Line line;
            while ((line = lines.next()) != null) {
                learnFromEntry(line.text());
            }
        }
    }

    private void learnFromEntry(String text) {
        Map<String, String> entry;
        try {
            entry = stampsOf(text);
        } catch (IOException e) {
            return; // the reader reports unreadable lines when it replays them
        }
        if (entry == null) {
            return;
        }
        String host = entry.get("_HOSTNAME");
        if (host != null) {
            hosts.add(host);
        }
        String boot = entry.get("_BOOT_ID");
        String realtime = entry.get("__REALTIME_TIMESTAMP");
        String monotonic = entry.get("__MONOTONIC_TIMESTAMP");
        if (boot == null || realtime == null || monotonic == null || bootedAt.containsKey(boot)) {
            return;
        }
        try {
            long micros = Long.parseLong(realtime) - Long.parseLong(monotonic);
            bootedAt.put(boot, Instant.EPOCH.plusNanos(micros * 1000));
        } catch (NumberFormatException e) {
            // not a journal stamp: nothing to learn from this entry
        }
    }

    /**
     * The string values of the fields this class reads from one entry, or null when the line is
     * not a JSON object. This runs over the whole journal before the replay starts, so it looks
     * the fields up as text: in JSON a quote inside a string is always escaped, so
     * {@code "_BOOT_ID":"} can only be the field itself. A value with an escape in it, or that is
     * not a plain string, is left to a real (streaming) parse of the line.
     */
    private static Map<String, String> stampsOf(String text) throws IOException {
        String line = text.strip();
        if (!line.startsWith("{") || !line.endsWith("}")) {
            return null;
        }
        Map<String, String> found = new HashMap<>(8);
        for (String field : FIELDS) {
            int at = line.indexOf("\"" + field + "\":");
            if (at < 0) {
                continue;
            }
            int from = at + field.length() + 3;
            int end = line.indexOf('"', from + 1);
            if (line.charAt(from) != '"' || end < 0 || line.lastIndexOf('\\', end) > from) {
                return parsed(line);
            }
            found.put(field, line.substring(from + 1, end));
        }
        return found;
    }

    private static Map<String, String> parsed(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> found = new HashMap<>(8);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING && FIELDS.contains(name)) {
                    found.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
            return found;
        }
    }

    /** Boot id to boot time, in the order first seen. */
    Map<String, Instant> boots() {
        return bootedAt;
    }

    Set<String> hosts() {
        return hosts;
    }
}
