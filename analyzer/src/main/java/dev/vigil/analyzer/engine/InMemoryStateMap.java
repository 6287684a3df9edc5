package dev.vigil.analyzer.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link StateMap} in memory (replay, tests). Every event reads and writes a few entries by key,
 * which a hash map does without comparing long keys that share their pattern and host prefix; the
 * rare walk over all entries (end of input, linking) is sorted by key, so iteration is
 * deterministic and the engine emits the same records in the same order on every run.
 */
public final class InMemoryStateMap<V> implements StateMap<V> {
    private final Map<String, V> map = new HashMap<>();

    @Override
    public V get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, V value) {
        map.put(key, value);
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }

    /** A snapshot sorted by key: later writes leave it alone. */
    @Override
    public List<Map.Entry<String, V>> entries() {
        List<Map.Entry<String, V>> out = new ArrayList<>(map.size());
        map.forEach((k, v) -> out.add(Map.entry(k, v)));
        out.sort(Map.Entry.comparingByKey());
        return out;
    }
}
