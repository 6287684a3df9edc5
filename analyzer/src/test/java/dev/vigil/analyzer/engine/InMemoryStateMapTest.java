package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InMemoryStateMapTest {
    /** State keys as the engine writes them: pattern, host and group key, separated by U+001F. */
    private static String key(Random random) {
        String[] patterns = {"app_log_truncation", "app_error_signature", "python_exception", "systemd_restart_burst"};
        String[] hosts = {"web-1", "web-10", "web-2", "db-1"};
        return patterns[random.nextInt(patterns.length)] + "\u001f" + hosts[random.nextInt(hosts.length)] + "\u001f"
                + "/var/log/app-" + random.nextInt(20) + ".log";
    }

    @Test
    void shouldHoldWhatASortedMapHoldsAndWalkItInKeyOrder() {
        InMemoryStateMap<Integer> hashed = new InMemoryStateMap<>();
        TreeMap<String, Integer> sorted = new TreeMap<>();
        Random random = new Random(17);
        for (int i = 0; i < 5_000; i++) {
            String k = key(random);
            if (random.nextInt(4) == 0) {
                hashed.delete(k);
                sorted.remove(k);
            } else {
                hashed.put(k, i);
                sorted.put(k, i);
            }
            String probe = key(random);
            assertEquals(sorted.get(probe), hashed.get(probe), probe);
        }
        assertEquals(List.copyOf(sorted.entrySet()).stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
                hashed.entries());
    }

    @Test
    void shouldGiveASnapshotThatLaterWritesLeaveAlone() {
        InMemoryStateMap<String> map = new InMemoryStateMap<>();
        map.put("b", "2");
        map.put("a", "1");
        List<Map.Entry<String, String>> walk = map.entries();
        map.delete("a");
        map.put("c", "3");
        assertEquals(List.of(Map.entry("a", "1"), Map.entry("b", "2")), walk);
        assertNull(map.get("a"));
    }
}
