package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.RecentIds;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Recent event ids in a window store whose retention is the dedupe window. Kafka Streams keeps
 * such a store in time segments and drops a whole segment once it is older than the retention,
 * so forgetting old ids costs nothing per id: no scan, no delete, no tombstone in the changelog.
 *
 * <p>An id is stored at the start of the {@link #BUCKET} its time falls in, so asking for it is a
 * few point lookups (one per bucket of the window) rather than a range iterator over every
 * segment: RocksDB answers a point lookup of an absent key from its bloom filters, while an
 * iterator is built and positioned in each segment. The window being a whole number of buckets,
 * an id remembered less than the window ago is at most the window's length of buckets back, and
 * the store's own time (the newest bucket written) never runs further ahead of it than the
 * window, within the store's {@link #retention}, so it is still there: an id is remembered for
 * at least the window, and at most one bucket longer.
 */
final class WindowStoreRecentIds implements RecentIds {
    /** Key of the entry {@link #markPosition} writes; no event id is empty. */
    static final String POSITION_MARK = "";
    /** The time grain of stored ids; a divisor of the window. */
    static final Duration BUCKET = Duration.ofMinutes(20);
    /** The value of every entry: a format version, the id and its time being the key. */
    private static final byte[] SEEN_V1 = {1};

    private final WindowStore<String, byte[]> store;
    private final long bucketMillis = BUCKET.toMillis();
    private final int buckets;

    WindowStoreRecentIds(WindowStore<String, byte[]> store, Duration window) {
        if (window.toMillis() % bucketMillis != 0) {
            throw new IllegalArgumentException("the dedupe window " + window + " is not a whole number of " + BUCKET);
        }
        this.store = store;
        this.buckets = (int) (window.toMillis() / bucketMillis);
    }

    /**
     * The store's retention for a dedupe {@code window}: one millisecond longer. A store reads an
     * entry as expired when it is the retention or more older than the store's time, and an id's
     * bucket can be exactly the window older than the newest bucket. The store keeps its 30-minute
     * segments of a one-hour retention (half the retention, rounded down).
     */
    static Duration retention(Duration window) {
        return window.plusMillis(1);
    }

    @Override
    public boolean contains(String id, Instant now) {
        long newest = bucketOf(now);
        // newest first: a shipper re-sends what it sent shortly before
        for (int i = 0; i <= buckets; i++) {
            if (store.fetch(id, newest - i * bucketMillis) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void remember(String id, Instant now) {
        store.put(id, SEEN_V1, bucketOf(now));
    }

    /**
     * Writes one entry that no id matches, so the store's changelog has a committed position in
     * every task. Under exactly-once, a task whose logged store has no committed position while the
     * task has state on disk is treated as corrupted at start and all its state is wiped and
     * rebuilt; a window store on a partition no event came to never has one (key-value stores
     * record theirs even when empty), so every clean restart rebuilt that task without this.
     * It is bucketed like an id: the store's time must not run ahead of the ids' buckets.
     */
    void markPosition(Instant now) {
        store.put(POSITION_MARK, SEEN_V1, bucketOf(now));
    }

    private long bucketOf(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), bucketMillis) * bucketMillis;
    }
}
