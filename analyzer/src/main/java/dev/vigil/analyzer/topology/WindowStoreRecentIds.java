package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.RecentIds;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Recent event ids in a window store whose retention is the dedupe window. Kafka Streams keeps
 * such a store in time segments and drops a whole segment once it is older than the retention,
 * so forgetting old ids costs nothing per id: no scan, no delete, no tombstone in the changelog.
 */
final class WindowStoreRecentIds implements RecentIds {
    /** Key of the entry {@link #markPosition} writes; no event id is empty. */
    static final String POSITION_MARK = "";
    /** The value of every entry: a format version, the id and its time being the key. */
    private static final byte[] SEEN_V1 = {1};

    private final WindowStore<String, byte[]> store;
    private final Duration window;

    WindowStoreRecentIds(WindowStore<String, byte[]> store, Duration window) {
        this.store = store;
        this.window = window;
    }

    @Override
    public boolean contains(String id, Instant now) {
        try (WindowStoreIterator<byte[]> it = store.fetch(id, now.minus(window).plusMillis(1), now)) {
            return it.hasNext();
        }
    }

    @Override
    public void remember(String id, Instant now) {
        store.put(id, SEEN_V1, now.toEpochMilli());
    }

    /**
     * Writes one entry that no id matches, so the store's changelog has a committed position in
     * every task. Under exactly-once, a task whose logged store has no committed position while the
     * task has state on disk is treated as corrupted at start and all its state is wiped and
     * rebuilt; a window store on a partition no event came to never has one (key-value stores
     * record theirs even when empty), so every clean restart rebuilt that task without this.
     */
    void markPosition(Instant now) {
        store.put(POSITION_MARK, SEEN_V1, now.toEpochMilli());
    }
}
