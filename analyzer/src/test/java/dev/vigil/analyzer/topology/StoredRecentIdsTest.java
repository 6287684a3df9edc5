package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.engine.PatternEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoredRecentIdsTest {
    private static final Duration WINDOW = PatternEngine.DEDUPE_WINDOW;
    private static final Instant T0 = Instant.parse("2026-01-12T07:38:00Z");

    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void openStore() {
        MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.SEEN), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void shouldKnowRememberedIdsAndWriteThemOutOnlyWhenAskedInOneEntryPerBucket() {
        StoredRecentIds ids = new StoredRecentIds(store, WINDOW);
        for (int n = 0; n < 10_000; n++) {
            ids.remember("sent-" + n, T0.plusMillis(n));
        }
        for (int n = 0; n < 10_000; n++) {
            assertFalse(ids.contains("new-" + n, T0.plusSeconds(30)), "new-" + n);
        }
        for (int n = 0; n < 10_000; n += 97) {
            assertTrue(ids.contains("sent-" + n, T0.plusSeconds(30)), "sent-" + n);
        }
        assertEquals(List.of(), keys(), "nothing reaches the store before a commit");

        ids.writeOut();
        assertEquals(1, keys().size(), "one entry for the bucket's 10,000 ids: " + keys());
        ids.writeOut();
        assertEquals(1, keys().size(), "nothing new, nothing written");
        ids.remember("later", T0.plus(StoredRecentIds.BUCKET));
        ids.remember("again", T0.plus(StoredRecentIds.BUCKET));
        ids.writeOut();
        assertEquals(2, keys().size(), "the next bucket's ids in an entry of their own: " + keys());
    }

    @Test
    void shouldKnowTheIdsItsStoreHoldsWhenATaskStartsAgainButNotThoseNeverWrittenOut() {
        StoredRecentIds first = new StoredRecentIds(store, WINDOW);
        first.remember("e-1", T0);
        first.writeOut();
        first.remember("e-2", T0.plusSeconds(1)); // its commit never came: its event is processed again

        StoredRecentIds restarted = new StoredRecentIds(store, WINDOW);
        assertEquals(1, restarted.indexed());
        assertTrue(restarted.contains("e-1", T0.plus(WINDOW).minusSeconds(1)), "re-sent within the window");
        assertFalse(restarted.contains("e-2", T0.plusSeconds(2)));
        assertFalse(restarted.contains("e-1", T0.plus(WINDOW).plus(StoredRecentIds.BUCKET)), "forgotten after the window");

        restarted.remember("e-3", T0.plusSeconds(3));
        restarted.writeOut();
        assertEquals(2, keys().size(), "a restarted task adds entries, it replaces none: " + keys());
        assertTrue(new StoredRecentIds(store, WINDOW).contains("e-1", T0.plusSeconds(4)));
    }

    @Test
    void shouldForgetTheOldestBucketFirstOnceTheLimitIsPassed() {
        StoredRecentIds ids = new StoredRecentIds(store, WINDOW, 3);
        ids.remember("old-1", T0);
        ids.remember("old-2", T0);
        ids.writeOut();
        Instant next = T0.plus(StoredRecentIds.BUCKET);
        ids.remember("new-1", next);
        ids.remember("new-2", next); // a fourth id: the oldest bucket goes
        ids.writeOut();

        assertEquals(2, ids.indexed());
        assertTrue(ids.contains("new-1", next) && ids.contains("new-2", next), "the newest ids are kept");
        assertFalse(ids.contains("old-1", next), "the oldest bucket was forgotten early");
        assertEquals(1, keys().size(), "its entry went with it: " + keys());
    }

    @Test
    void shouldStartABucketThatAloneTakesTheLimitAgainRatherThanGrow() {
        StoredRecentIds ids = new StoredRecentIds(store, WINDOW, 3);
        for (int n = 1; n <= 4; n++) {
            ids.remember("e-" + n, T0);
        }
        assertEquals(1, ids.indexed());
        assertTrue(ids.contains("e-4", T0), "the id that passed the limit is kept");
        assertFalse(ids.contains("e-1", T0));
    }

    @Test
    void shouldLoadTheNewestBucketsFirstWhenTheStoreHoldsMoreThanTheLimit() {
        StoredRecentIds ids = new StoredRecentIds(store, WINDOW);
        ids.remember("old", T0);
        ids.remember("new-1", T0.plus(StoredRecentIds.BUCKET));
        ids.remember("new-2", T0.plus(StoredRecentIds.BUCKET));
        ids.writeOut();

        StoredRecentIds restarted = new StoredRecentIds(store, WINDOW, 2);
        Instant now = T0.plus(StoredRecentIds.BUCKET);
        assertTrue(restarted.contains("new-1", now) && restarted.contains("new-2", now));
        assertFalse(restarted.contains("old", now));
    }

    @Test
    void shouldDropTheBucketsNoLookupReachesFromMemoryAndStore() {
        StoredRecentIds ids = new StoredRecentIds(store, WINDOW);
        ids.remember("e-1", T0);
        ids.writeOut();
        Instant later = T0.plus(WINDOW).plus(StoredRecentIds.BUCKET);
        ids.remember("e-2", later);
        ids.writeOut();
        assertEquals(2, keys().size());

        ids.expire(later);
        assertEquals(1, ids.indexed(), "e-1's bucket left with the window");
        assertEquals(1, keys().size(), "and its entry: " + keys());
        assertTrue(ids.contains("e-2", later));
        assertTrue(new StoredRecentIds(store, WINDOW).contains("e-2", later));
    }

    @Test
    void shouldDropAnEntryItCannotReadAndKeepTheOthers() {
        StoredRecentIds ids = new StoredRecentIds(store, WINDOW);
        ids.remember("e-1", T0);
        ids.writeOut();
        store.put("not an entry of ours", new byte[] {9, 9});

        StoredRecentIds restarted = new StoredRecentIds(store, WINDOW);
        assertTrue(restarted.contains("e-1", T0.plusSeconds(1)));
        assertEquals(1, keys().size(), keys().toString());
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
