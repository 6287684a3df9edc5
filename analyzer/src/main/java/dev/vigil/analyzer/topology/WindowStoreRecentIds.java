package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.RecentIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>Almost every id asked for is new, and each lookup of an absent id still cost a call into
 * RocksDB per bucket (four for the hour), the largest single item of the live analyzer's own work.
 * So the ids are also kept in memory as 64-bit fingerprints, per bucket ({@link FingerprintSet}):
 * a bucket whose fingerprints are all there answers "not seen" without the store, and a
 * fingerprint found is confirmed by the store (two ids can share one). The index is read from the
 * store when the task starts, so it holds what a restored store holds. It keeps at most
 * {@link #INDEX_LIMIT} ids a task; a bucket that filled beyond it asks the store for every id, as
 * before, so memory stays bounded and nothing is answered wrongly.
 */
final class WindowStoreRecentIds implements RecentIds {
    private static final Logger log = LoggerFactory.getLogger(WindowStoreRecentIds.class);
    /** Ids a task keeps in memory: 8 MiB of fingerprints at most, an hour of 140 counted events a second. */
    static final int INDEX_LIMIT = 500_000;
    /** Key of the entry {@link #markPosition} writes; no event id is empty. */
    static final String POSITION_MARK = "";
    /** The time grain of stored ids; a divisor of the window. */
    static final Duration BUCKET = Duration.ofMinutes(20);
    /** The value of every entry: a format version, the id and its time being the key. */
    private static final byte[] SEEN_V1 = {1};

    /** The fingerprints of one bucket's ids; not complete once the index was full when one came. */
    private static final class Bucket {
        final FingerprintSet ids = new FingerprintSet();
        boolean complete = true;
    }

    private final WindowStore<String, byte[]> store;
    private final long bucketMillis = BUCKET.toMillis();
    private final int buckets;
    private final int indexLimit;
    private final TreeMap<Long, Bucket> index = new TreeMap<>();
    private int indexed;
    /** The last id fingerprinted and its fingerprint: a counted event asks for its id, then remembers it. */
    private String lastId;
    private long lastFingerprint;

    WindowStoreRecentIds(WindowStore<String, byte[]> store, Duration window) {
        this(store, window, INDEX_LIMIT);
    }

    WindowStoreRecentIds(WindowStore<String, byte[]> store, Duration window, int indexLimit) {
        if (window.toMillis() % bucketMillis != 0) {
            throw new IllegalArgumentException("the dedupe window " + window + " is not a whole number of " + BUCKET);
        }
        this.store = store;
        this.buckets = (int) (window.toMillis() / bucketMillis);
        this.indexLimit = indexLimit;
        try (KeyValueIterator<Windowed<String>, byte[]> stored = store.all()) {
            while (stored.hasNext()) {
                KeyValue<Windowed<String>, byte[]> id = stored.next();
                if (!POSITION_MARK.equals(id.key.key())) {
                    index(id.key.key(), id.key.window().start());
                }
            }
        }
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
        long fingerprint = fingerprint(id);
        // newest first: a shipper re-sends what it sent shortly before
        for (int i = 0; i <= buckets; i++) {
            long start = newest - i * bucketMillis;
            Bucket b = index.get(start);
            boolean ask = b != null && (!b.complete || b.ids.contains(fingerprint));
            if (ask && store.fetch(id, start) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void remember(String id, Instant now) {
        long start = bucketOf(now);
        store.put(id, SEEN_V1, start);
        index(id, start);
    }

    /** Ids in the in-memory index (tests). */
    int indexed() {
        return indexed;
    }

    private void index(String id, long bucketStart) {
        Bucket b = index.get(bucketStart);
        if (b == null) {
            b = new Bucket();
            index.put(bucketStart, b);
            forgetBucketsBefore(bucketStart - buckets * bucketMillis);
        }
        if (indexed < indexLimit) {
            if (b.ids.add(fingerprint(id))) {
                indexed++;
            }
        } else if (b.complete) {
            b.complete = false;
            log.info("Dedupe index full, ids of this bucket are looked up in the store indexed={} bucket={}",
                    indexed, Instant.ofEpochMilli(bucketStart));
        }
    }

    private long fingerprint(String id) {
        if (!id.equals(lastId)) {
            lastId = id;
            lastFingerprint = FingerprintSet.of(id);
        }
        return lastFingerprint;
    }

    /** Drops the buckets no lookup reaches any more (the store drops their segments in its own time). */
    private void forgetBucketsBefore(long oldestAsked) {
        Map<Long, Bucket> old = index.headMap(oldestAsked);
        for (Bucket gone : old.values()) {
            indexed -= gone.ids.size();
        }
        old.clear();
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
