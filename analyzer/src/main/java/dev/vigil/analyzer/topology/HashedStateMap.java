package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.StateMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Engine state in memory for the in-line analyzer: every event reads and writes a few entries by
 * key, which a hash map does without comparing long keys that share their pattern and host
 * prefix; the rare walk over all entries (end of input, linking) sorts them by key, so they come
 * in the order {@link dev.vigil.analyzer.engine.InMemoryStateMap} gives and the engine emits the
 * same records in the same order.
 */
final class HashedStateMap<V> implements StateMap<V> {
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

    @Override
    public List<Map.Entry<String, V>> entries() {
        List<Map.Entry<String, V>> out = new ArrayList<>(map.size());
        map.forEach((k, v) -> out.add(Map.entry(k, v)));
        out.sort(Map.Entry.comparingByKey());
        return out;
    }
}
