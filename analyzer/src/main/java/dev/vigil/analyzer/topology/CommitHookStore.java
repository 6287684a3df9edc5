package dev.vigil.analyzer.topology;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store that runs an action just before its cache is written out, which Kafka
 * Streams does when it prepares a commit (before the transaction commits), when a task is
 * suspended or closed cleanly. {@link KafkaStateMap} writes the values it changed since then at
 * that moment, so a key written on every event (a host's clock, a busy stream) is encoded and
 * put once per commit, not once per event: exactly what the cache below would have sent to the
 * changelog and RocksDB anyway. The signature route sends its batches from it, in the commit of
 * the input that made them ({@link RouteBatches}, {@link CommitForwarder}).
 */
final class CommitHookStore extends WrappedStateStore<KeyValueStore<String, byte[]>, String, byte[]>
        implements KeyValueStore<String, byte[]> {
    private Runnable beforeCommit = () -> { };

    private CommitHookStore(KeyValueStore<String, byte[]> inner) {
        super(inner);
    }

    /** The store built by {@code builder}, with the hook around it. */
    static StoreBuilder<KeyValueStore<String, byte[]>> around(StoreBuilder<KeyValueStore<String, byte[]>> builder) {
        return new Builder(builder);
    }

    /**
     * The hook store behind {@code store} (a processor gets the store wrapped in Kafka Streams'
     * own decorators), or null when it has none.
     */
    static CommitHookStore of(StateStore store) {
        StateStore s = store;
        while (s instanceof WrappedStateStore<?, ?, ?> wrapped && !(s instanceof CommitHookStore)) {
            s = wrapped.wrapped();
        }
        return s instanceof CommitHookStore hook ? hook : null;
    }

    /** Runs {@code action} before every write-out of the cache. */
    void beforeCommit(Runnable action) {
        this.beforeCommit = Objects.requireNonNull(action, "action");
    }

    @Override
    public void flushCache() {
        beforeCommit.run();
        super.flushCache();
    }

    @Override
    public void put(String key, byte[] value) {
        wrapped().put(key, value);
    }

    @Override
    public byte[] putIfAbsent(String key, byte[] value) {
        return wrapped().putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<String, byte[]>> entries) {
        wrapped().putAll(entries);
    }

    @Override
    public byte[] delete(String key) {
        return wrapped().delete(key);
    }

    @Override
    public byte[] get(String key) {
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<String, byte[]> range(String from, String to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> all() {
        return wrapped().all();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    private record Builder(StoreBuilder<KeyValueStore<String, byte[]>> inner) implements StoreBuilder<KeyValueStore<String, byte[]>> {
        @Override
        public StoreBuilder<KeyValueStore<String, byte[]>> withCachingEnabled() {
            return new Builder(inner.withCachingEnabled());
        }

        @Override
        public StoreBuilder<KeyValueStore<String, byte[]>> withCachingDisabled() {
            return new Builder(inner.withCachingDisabled());
        }

        @Override
        public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingEnabled(Map<String, String> config) {
            return new Builder(inner.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingDisabled() {
            return new Builder(inner.withLoggingDisabled());
        }

        @Override
        public KeyValueStore<String, byte[]> build() {
            return new CommitHookStore(inner.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
