package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.engine.PatternEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dedupe window's ids in their store and in the in-memory index beside it: a new id is
 * answered from memory, a restarted task knows the ids its store holds, and a full index falls
 * back to the store without answering wrongly.
 */
class WindowStoreRecentIdsTest {
    private static final Duration WINDOW = PatternEngine.DEDUPE_WINDOW;
    private static final Instant T0 = Instant.parse("2026-01-12T07:38:00Z");

    private WindowStore<String, byte[]> store;
    /** The store's single-id lookups: what the index is there to save. */
    private final AtomicInteger lookups = new AtomicInteger();

    @BeforeEach
    void openStore() {
        MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        WindowStore<String, byte[]> real = Stores.windowStoreBuilder(Stores.inMemoryWindowStore(StoreNames.SEEN,
                WindowStoreRecentIds.retention(WINDOW), Duration.ofMillis(1), false), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        real.init(context.getStateStoreContext(), real);
        store = counting(real);
    }

    @SuppressWarnings("unchecked")
    private WindowStore<String, byte[]> counting(WindowStore<String, byte[]> real) {
        return (WindowStore<String, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WindowStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("fetch") && args.length == 2 && args[1] instanceof Long) {
                        lookups.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void shouldAnswerANewIdWithoutAskingTheStore() {
        WindowStoreRecentIds ids = new WindowStoreRecentIds(store, WINDOW);
        for (int n = 0; n < 10_000; n++) {
            ids.remember("sent-" + n, T0.plusMillis(n));
        }
        lookups.set(0);
        for (int n = 0; n < 10_000; n++) {
            assertFalse(ids.contains("new-" + n, T0.plusSeconds(30)));
        }
        assertEquals(0, lookups.get(), "new ids are answered from memory");
        for (int n = 0; n < 10_000; n += 97) {
            assertTrue(ids.contains("sent-" + n, T0.plusSeconds(30)), "sent-" + n);
        }
        assertTrue(lookups.get() > 0, "a remembered id is confirmed by the store");
    }

    @Test
    void shouldKnowTheIdsItsStoreHoldsWhenATaskStartsAgain() {
        new WindowStoreRecentIds(store, WINDOW).remember("e-1", T0);

        WindowStoreRecentIds restarted = new WindowStoreRecentIds(store, WINDOW);
        assertEquals(1, restarted.indexed());
        assertTrue(restarted.contains("e-1", T0.plus(WINDOW).minusSeconds(1)), "re-sent within the window");
        assertFalse(restarted.contains("e-2", T0.plusSeconds(1)));
        assertFalse(restarted.contains("e-1", T0.plus(WINDOW).plus(WindowStoreRecentIds.BUCKET)), "forgotten after the window");
    }

    @Test
    void shouldAskTheStoreForEveryIdOfABucketOnceTheIndexIsFull() {
        WindowStoreRecentIds ids = new WindowStoreRecentIds(store, WINDOW, 2);
        ids.remember("e-1", T0);
        ids.remember("e-2", T0);
        ids.remember("e-3", T0); // beyond the index: only in the store
        assertEquals(2, ids.indexed());

        assertTrue(ids.contains("e-3", T0.plusSeconds(1)));
        assertTrue(ids.contains("e-1", T0.plusSeconds(1)));
        lookups.set(0);
        assertFalse(ids.contains("e-4", T0.plusSeconds(1)));
        assertEquals(1, lookups.get(), "the full bucket asks the store, the empty ones do not");
    }

    @Test
    void shouldForgetTheBucketsNoLookupReaches() {
        WindowStoreRecentIds ids = new WindowStoreRecentIds(store, WINDOW);
        ids.remember("e-1", T0);
        ids.remember("e-2", T0.plus(WINDOW).plus(WindowStoreRecentIds.BUCKET));
        assertEquals(1, ids.indexed(), "e-1's bucket left the index with the window");
        assertTrue(ids.contains("e-2", T0.plus(WINDOW).plus(WindowStoreRecentIds.BUCKET)));
    }
}
