package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitHookStoreTest {
    private final List<CommitHookStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores() {
        stores.forEach(CommitHookStore::close); // a store the thread still knew would be written out in later tests
    }

    /** A hook store whose hook counts its runs, hooked on the calling thread. */
    private CommitHookStore hooked(String name, AtomicInteger runs) {
        CommitHookStore store = (CommitHookStore) CommitHookStore.around(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled()).build();
        store.init(new MockProcessorContext<String, Object>().getStateStoreContext(), store);
        store.beforeCommit(runs::incrementAndGet);
        stores.add(store);
        return store;
    }

    @Test
    void shouldWriteOutEveryHookStoreOfTheThreadAtACommitsFirstWriteOutAndEachAgainAtItsOwn() {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        AtomicInteger c = new AtomicInteger();
        CommitHookStore first = hooked("a", a);
        CommitHookStore second = hooked("b", b);
        CommitHookStore third = hooked("c", c);

        // a commit: Kafka Streams writes out one task's stores, flushes the producer, then the next's
        second.flushCache();
        assertEquals(List.of(1, 1, 1), List.of(a.get(), b.get(), c.get()), "all of them before the first flush");
        first.flushCache();
        third.flushCache();
        assertEquals(List.of(2, 1, 2), List.of(a.get(), b.get(), c.get()), "each again at its own turn, nothing more");

        // the next commit starts over
        first.flushCache();
        assertEquals(List.of(3, 2, 3), List.of(a.get(), b.get(), c.get()));
    }

    /** A store closed, or one whose processor closed (a suspended task's: the store stays open). */
    @ParameterizedTest(name = "store closed: {0}")
    @ValueSource(booleans = {true, false})
    void shouldLeaveOutAStoreThatOrWhoseProcessorClosed(boolean storeClosed) {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        CommitHookStore first = hooked("a", a);
        CommitHookStore left = hooked("b", b);
        if (storeClosed) {
            left.close();
            stores.remove(left);
        } else {
            left.detach();
        }

        first.flushCache();
        assertEquals(List.of(1, 0), List.of(a.get(), b.get()));
        if (!storeClosed) {
            left.flushCache();
            assertEquals(List.of(1, 1), List.of(a.get(), b.get()), "its own write-out still runs its hook, and only it");
        }
    }

    @Test
    void shouldLeaveOutTheStoresOfAnotherStreamThread() throws InterruptedException {
        AtomicInteger here = new AtomicInteger();
        AtomicInteger there = new AtomicInteger();
        CommitHookStore local = hooked("a", here);
        Thread other = new Thread(() -> hooked("b", there));
        other.start();
        other.join(10_000);

        local.flushCache();

        assertEquals(List.of(1, 0), List.of(here.get(), there.get()));
    }
}
