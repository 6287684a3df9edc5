package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.EngineCodecs;
import dev.vigil.analyzer.engine.EngineState;
import dev.vigil.analyzer.engine.PatternEngine;
import dev.vigil.analyzer.engine.RecentIds;
import dev.vigil.analyzer.engine.StateCodec;
import dev.vigil.analyzer.engine.absence.StreamCodec;
import dev.vigil.analyzer.engine.sequence.SequenceCodec;
import dev.vigil.analyzer.engine.threshold.WindowCodec;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Runs the {@link PatternEngine} inside the topology: engine state in changelogged stores, a
 * wall-clock punctuator for time-driven work (silence is only seen when time passes, and stream
 * time stands still on a quiet partition).
 */
final class PatternProcessor implements ProcessorSupplier<String, EngineInput, String, Incident> {
    /** How often time-driven work runs. */
    static final Duration TICK = Duration.ofSeconds(1);
    /** How often expired state is dropped. */
    static final Duration HOUSEKEEPING = Duration.ofSeconds(30);
    /** The shipper-event kind that marks the end of a replayed input. */
    static final String END_OF_INPUT = "end_of_input";

    private final Supplier<PatternSet> patterns;
    private final AnalyzerCounts counts;

    PatternProcessor(Supplier<PatternSet> patterns, AnalyzerCounts counts) {
        this.patterns = patterns;
        this.counts = counts;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        Set<StoreBuilder<?>> stores = new HashSet<>();
        for (String name : StoreNames.KEY_VALUE) {
            // cached: a key reaches RocksDB and its changelog once per commit; hooked: the engine's
            // maps put what they changed just before the cache is written out, so a hot key (a
            // host's clock, a busy stream) is not even encoded on every event
            stores.add(CommitHookStore.around(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                    Serdes.String(), Serdes.ByteArray()).withCachingEnabled()));
        }
        // not cached: the recent ids write one entry per bucket and commit themselves (StoredRecentIds)
        stores.add(CommitHookStore.around(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SEEN),
                Serdes.String(), Serdes.ByteArray())));
        return stores;
    }

    @Override
    public Processor<String, EngineInput, String, Incident> get() {
        return new EngineProcessor();
    }

    private final class EngineProcessor implements Processor<String, EngineInput, String, Incident> {
        private ProcessorContext<String, Incident> context;
        private PatternEngine engine;
        private StoredRecentIds storedIds;
        /** The hook stores of its state, left when it closes ({@link CommitHookStore#detach}). */
        private final List<CommitHookStore> hooks = new ArrayList<>();
        private Instant lastHousekeeping = Instant.EPOCH;
        private final LastInstant receivedAt = new LastInstant();
        private final LastInstant wallClock = new LastInstant();

        @Override
        public void init(ProcessorContext<String, Incident> context) {
            this.context = context;
            EngineState state = new EngineState(
                    map(StoreNames.EPISODES, EngineCodecs.EPISODES),
                    map(StoreNames.WINDOWS, WindowCodec.CODEC),
                    map(StoreNames.CAUSES, EngineCodecs.CAUSES),
                    map(StoreNames.STREAMS, StreamCodec.CODEC),
                    map(StoreNames.SEQUENCES, SequenceCodec.CODEC),
                    map(StoreNames.HOSTS, EngineCodecs.HOSTS),
                    recentIds(),
                    map(StoreNames.KILLS, EngineCodecs.KILLS));
            engine = new PatternEngine(patterns, state);
            context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::tick);
        }

        /** The dedupe window's ids, in memory, written to their store before each commit. */
        private RecentIds recentIds() {
            KeyValueStore<String, byte[]> store = context.getStateStore(StoreNames.SEEN);
            storedIds = new StoredRecentIds(store, PatternEngine.DEDUPE_WINDOW);
            CommitHookStore hook = CommitHookStore.of(store);
            hook.beforeCommit(storedIds::writeOut);
            hooks.add(hook);
            return storedIds;
        }

        private <V> KafkaStateMap<V> map(String store, StateCodec<V> codec) {
            KeyValueStore<String, byte[]> s = context.getStateStore(store);
            CommitHookStore hook = CommitHookStore.of(s);
            if (hook != null) { // KafkaStateMap writes through a store without one
                hooks.add(hook);
            }
            return new KafkaStateMap<>(s, codec);
        }

        @Override
        public void close() {
            hooks.forEach(CommitHookStore::detach);
        }

        @Override
        public void process(Record<String, EngineInput> record) {
            Event e = record.value().event();
            Instant now = now();
            if (record.value().signature() != null) {
                forward(engine.onSignedEvent(e, record.value().signature(), now), now);
                return;
            }
            forward(engine.onEvent(e, receivedAt.of(record.timestamp()), now), now);
        }

        private void tick(long wallClockMillis) {
            Instant now = Instant.ofEpochMilli(wallClockMillis);
            forward(engine.onTick(now), now);
            if (!now.isBefore(lastHousekeeping.plus(HOUSEKEEPING))) {
                housekeeping(now);
            }
        }

        private void housekeeping(Instant now) {
            engine.expire(now);
            storedIds.expire(now);
            lastHousekeeping = now;
        }

        private void forward(List<Incident> incidents, Instant now) {
            for (int n = 0; n < incidents.size(); n++) { // most events cause none: no iterator for them
                Incident i = incidents.get(n);
                counts.incident(i);
                context.forward(new Record<>(i.id(), i, now.toEpochMilli()));
            }
        }

        private Instant now() {
            return wallClock.of(context.currentSystemTimeMs());
        }
    }
}
