package dev.vigil.analyzer.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.analyzer.engine.StateMap;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Engine state in a Kafka Streams key-value store. Values are JSON records with a version
 * field ({@code v}), because stores outlive deploys: a newer analyzer reads what an older wrote.
 */
final class KafkaStateMap<V> implements StateMap<V> {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final KeyValueStore<String, byte[]> store;
    private final Class<V> type;

    KafkaStateMap(KeyValueStore<String, byte[]> store, Class<V> type) {
        this.store = store;
        this.type = type;
    }

    @Override
    public V get(String key) {
        byte[] bytes = store.get(key);
        return bytes == null ? null : decode(key, bytes);
    }

    @Override
    public void put(String key, V value) {
        try {
            store.put(key, MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode state key=" + key + " store=" + store.name(), e);
        }
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public List<Map.Entry<String, V>> entries() {
        List<Map.Entry<String, V>> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                out.add(new AbstractMap.SimpleImmutableEntry<>(kv.key, decode(kv.key, kv.value)));
            }
        }
        return out;
    }

    private V decode(String key, byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable state key=" + key + " store=" + store.name() + ": " + e.getMessage(), e);
        }
    }
}
