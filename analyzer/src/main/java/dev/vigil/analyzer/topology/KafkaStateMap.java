package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.StateCodec;
import dev.vigil.analyzer.engine.StateMap;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Engine state in a Kafka Streams key-value store. Values are records with a version field
 * ({@code v}) in the form {@link StateCodec} writes, because stores outlive deploys: a newer
 * analyzer reads what an older wrote.
 *
 * <p>The store stays the truth: every put and delete reaches it at once (in the same processing
 * step, so exactly-once commits it with the input offset). Beside it, the latest decoded values
 * are kept, so a hot key (the unit that restarts every ten seconds) is not parsed again on every
 * event. Only this map writes the store, and a task rebuilds its processor (and this map) when
 * its state is restored, so the decoded copies cannot go stale.
 */
final class KafkaStateMap<V> implements StateMap<V> {
    /** Decoded values kept per store; enough for every hot key of a busy host, bounded so memory is. */
    static final int DECODED_ENTRIES = 4096;
    /** Stands for "the store has no value for this key" among the decoded values. */
    private static final Object ABSENT = new Object();

    private final KeyValueStore<String, byte[]> store;
    private final StateCodec<V> codec;
    private final Map<String, Object> decoded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > DECODED_ENTRIES;
        }
    };

    KafkaStateMap(KeyValueStore<String, byte[]> store, StateCodec<V> codec) {
        this.store = store;
        this.codec = codec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(String key) {
        Object known = decoded.get(key);
        if (known != null) {
            return known == ABSENT ? null : (V) known;
        }
        byte[] bytes = store.get(key);
        V value = bytes == null ? null : decode(key, bytes);
        decoded.put(key, value == null ? ABSENT : value);
        return value;
    }

    @Override
    public void put(String key, V value) {
        store.put(key, codec.encode(value));
        decoded.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
        decoded.put(key, ABSENT);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map.Entry<String, V>> entries() {
        List<Map.Entry<String, V>> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                // a scan does not add to the decoded values: it would push the hot keys out
                Object known = decoded.getOrDefault(kv.key, ABSENT);
                V value = known != ABSENT ? (V) known : decode(kv.key, kv.value);
                out.add(new AbstractMap.SimpleImmutableEntry<>(kv.key, value));
            }
        }
        return out;
    }

    private V decode(String key, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable state key=" + key + " store=" + store.name() + ": " + e.getMessage(), e);
        }
    }
}
