package dev.vigil.analyzer.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        JsonNode entry;
        try {
            entry = MAPPER.readTree(text);
        } catch (IOException e) {
            return; // the reader reports unreadable lines when it replays them
        }
        if (entry == null || !entry.isObject()) {
            return;
        }
        String host = entry.path("_HOSTNAME").asText(null);
        if (host != null) {
            hosts.add(host);
        }
        String boot = entry.path("_BOOT_ID").asText(null);
        String realtime = entry.path("__REALTIME_TIMESTAMP").asText(null);
        String monotonic = entry.path("__MONOTONIC_TIMESTAMP").asText(null);
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

    /** Boot id to boot time, in the order first seen. */
    Map<String, Instant> boots() {
        return bootedAt;
    }

    Set<String> hosts() {
        return hosts;
    }
}
