package dev.vigil.analyzer.engine;

import java.util.List;
import java.util.Map;

/**
 * One kind of engine state, by string key. The analyzer backs it with a Kafka Streams store
 * (changelogged, so a restarted or moved task continues where it was); tests use memory.
 */
public interface StateMap<V> {
    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** A snapshot of all entries, safe to modify the map while walking it. */
    List<Map.Entry<String, V>> entries();
}
