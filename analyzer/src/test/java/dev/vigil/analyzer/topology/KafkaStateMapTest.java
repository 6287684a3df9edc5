package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vigil.analyzer.engine.EngineCodecs;
import dev.vigil.analyzer.engine.HostClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key put on every event (a host's clock) is written to its store when the store's cache is
 * written out before a commit, not on every put; the engine reads its latest value throughout.
 */
class KafkaStateMapTest {
    private static final Instant T0 = Instant.parse("2026-02-08T21:41:48Z");

    private KeyValueStore<String, byte[]> store;
    private KafkaStateMap<HostClock> clocks;

    @BeforeEach
    void openStore() {
        MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        store = CommitHookStore.around(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.HOSTS),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled()).build();
        store.init(context.getStateStoreContext(), store);
        clocks = new KafkaStateMap<>(store, EngineCodecs.HOSTS);
    }

    @AfterEach
    void closeStore() {
        store.close(); // the test thread's hook stores would otherwise keep it (CommitHookStore)
    }

    private static HostClock clock(int second) {
        return new HostClock(1, T0.plusSeconds(second), T0.plusSeconds(second).plusMillis(40), 40);
    }

    @Test
    void shouldWriteTheLatestValueOfAKeyWhenTheCacheIsWrittenOut() throws Exception {
        for (int s = 0; s < 100; s++) {
            clocks.put("web-1", clock(s));
        }

        assertNull(store.get("web-1"), "nothing written between two commits");
        assertEquals(clock(99), clocks.get("web-1"));
        assertEquals(List.of(Map.entry("web-1", clock(99))), clocks.entries());

        ((CommitHookStore) store).flushCache();

        assertEquals(clock(99), EngineCodecs.HOSTS.decode(store.get("web-1")));
        assertEquals(List.of(Map.entry("web-1", clock(99))), clocks.entries(), "listed once");
    }

    @Test
    void shouldServeTheValueWrittenOutWithoutReadingTheStoreAgain() {
        HostClock first = clock(1);
        HostClock second = clock(2);
        clocks.put("web-1", first);
        ((CommitHookStore) store).flushCache();
        assertSame(first, clocks.get("web-1"), "the decoded copy, not the store's bytes decoded again");

        clocks.put("web-1", second);
        ((CommitHookStore) store).flushCache();
        store.put("web-1", EngineCodecs.HOSTS.encode(clock(3))); // only the map writes the store: the copy is what it wrote

        assertSame(second, clocks.get("web-1"));
    }

    @Test
    void shouldDeleteAtOnceAndNotWriteADeletedValueBack() {
        clocks.put("web-1", clock(0));
        ((CommitHookStore) store).flushCache();
        clocks.put("web-1", clock(1));

        clocks.delete("web-1");
        assertNull(store.get("web-1"));
        ((CommitHookStore) store).flushCache();

        assertNull(store.get("web-1"));
        assertNull(clocks.get("web-1"));
        assertEquals(List.of(), clocks.entries());
    }
}
