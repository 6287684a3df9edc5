package dev.vigil.analyzer.topology;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
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
 *
 * <p>The first hook store a commit writes out writes out every other hook store of its stream
 * thread's tasks first ({@link ThreadStores}). Kafka Streams prepares a commit task by task, and
 * each task's preparation ends by flushing the thread's producer: with each task's records written
 * at its own turn, a commit waited for one produce round trip per task (five or six for the
 * analyzer's two subtopologies on three partitions, 2-3 ms each on the live bench). Written at the
 * first task, they leave in one flush (6-10 ms for a commit's 1.4 MB) and the later tasks' flushes
 * find nothing to wait for. Each store still runs its own hook at its own write-out, a no-op when
 * nothing changed since, so whatever ran in between is written in the same commit.
 */
final class CommitHookStore extends WrappedStateStore<KeyValueStore<String, byte[]>, String, byte[]>
        implements KeyValueStore<String, byte[]> {
    private Runnable beforeCommit = () -> { };
    /** The hook stores of the stream thread that set this store's hook; null until one is set, or once closed. */
    private ThreadStores threadStores;
    /** Written out by another store's write-out since this store's own last one. */
    private boolean writtenEarly;

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

    /**
     * Runs {@code action} before every write-out of the cache. Called from the processor's init,
     * on the stream thread that runs the task: the store joins that thread's hook stores, and the
     * processor's close calls {@link #detach}.
     */
    void beforeCommit(Runnable action) {
        this.beforeCommit = Objects.requireNonNull(action, "action");
        if (threadStores != null) {
            threadStores.stores.remove(this);
        }
        threadStores = ThreadStores.CURRENT.get();
        threadStores.stores.add(this);
    }

    @Override
    public void flushCache() {
        ThreadStores thread = threadStores;
        if (writtenEarly || thread == null || thread != ThreadStores.CURRENT.get() || thread.writing) {
            writtenEarly = false;
        } else {
            thread.writeOutAllBut(this);
        }
        writeOut();
    }

    private void writeOut() {
        beforeCommit.run();
        super.flushCache();
    }

    /**
     * Leaves the thread's hook stores: the processor that set the hook closed (a task suspended,
     * or turned standby, keeps its stores open), so no other store's write-out runs this one's.
     * Its own write-outs still run the hook.
     */
    void detach() {
        if (threadStores != null) {
            threadStores.stores.remove(this);
            threadStores = null;
        }
    }

    @Override
    public void close() {
        detach();
        super.close();
    }

    /**
     * The hook stores whose hooks were set on one stream thread, in the order they were set. A
     * store writes the others out only when it is written out on that thread; a store may leave
     * from another (a close at shutdown), hence a set that is copied on each change (a task's
     * start or close), not on each read (every commit).
     */
    private static final class ThreadStores {
        static final ThreadLocal<ThreadStores> CURRENT = ThreadLocal.withInitial(ThreadStores::new);
        final Set<CommitHookStore> stores = new CopyOnWriteArraySet<>();
        /** Writing the others out: their write-outs start no other round. */
        boolean writing;

        void writeOutAllBut(CommitHookStore first) {
            writing = true;
            try {
                for (CommitHookStore store : stores) {
                    if (store != first && store.isOpen()) {
                        store.writeOut();
                        store.writtenEarly = true;
                    }
                }
            } finally {
                writing = false;
            }
        }
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
