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
 * <p>The latest decoded values are kept beside the store, so a hot key (the unit that restarts
 * every ten seconds) is not parsed again on every event. Only this map writes the store, and a
 * task rebuilds its processor (and this map) when its state is restored, so the decoded copies
 * cannot go stale.
 *
 * <p>On a store with a {@link CommitHookStore}, a put is kept here and written (encoded) when the
 * store's cache is written out, before each commit: a key put on every event costs one encode
 * and one store write per commit. That is what the store's cache did with the bytes already, so
 * exactly-once still commits every change with the input offsets that caused it, and a task that
 * fails loses the changes with its uncommitted input, which is processed again. Deletes reach
 * the store at once. Without the hook, every put reaches the store at once.
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

    /** Values put since the last write-out, when the store has a commit hook; null without one. */
    private final Map<String, V> unwritten;

    KafkaStateMap(KeyValueStore<String, byte[]> store, StateCodec<V> codec) {
        this.store = store;
        this.codec = codec;
        CommitHookStore hook = CommitHookStore.of(store);
        this.unwritten = hook == null ? null : new LinkedHashMap<>();
        if (hook != null) {
            hook.beforeCommit(this::writeOut);
        }
    }

    /** Writes the values put since the last write-out to the store. */
    void writeOut() {
        if (unwritten == null || unwritten.isEmpty()) {
            return;
        }
        for (Map.Entry<String, V> e : unwritten.entrySet()) {
            store.put(e.getKey(), codec.encode(e.getValue()));
            decoded.put(e.getKey(), e.getValue());
        }
        unwritten.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(String key) {
        V pending = unwritten == null ? null : unwritten.get(key);
        if (pending != null) {
            return pending;
        }
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
        if (unwritten != null) {
            // the decoded copy is brought up to date at the write-out: until then a get finds the value
            // here first, and a key put on every event (a host's clock) costs one map write, not two
            unwritten.put(key, value);
            return;
        }
        store.put(key, codec.encode(value));
        decoded.put(key, value);
    }

    @Override
    public void delete(String key) {
        if (unwritten != null) {
            unwritten.remove(key);
        }
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
                if (unwritten != null && unwritten.containsKey(kv.key)) {
                    continue; // listed with the values not yet written, below
                }
                // a scan does not add to the decoded values: it would push the hot keys out
                Object known = decoded.getOrDefault(kv.key, ABSENT);
                V value = known != ABSENT ? (V) known : decode(kv.key, kv.value);
                out.add(new AbstractMap.SimpleImmutableEntry<>(kv.key, value));
            }
        }
        if (unwritten != null) {
            unwritten.forEach((key, value) -> out.add(new AbstractMap.SimpleImmutableEntry<>(key, value)));
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
