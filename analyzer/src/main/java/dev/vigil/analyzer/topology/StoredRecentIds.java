package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.RecentIds;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent event ids of a task as 64-bit fingerprints in memory, one {@link FingerprintSet} per
 * {@link #BUCKET} of the analyzer's clock, written to a changelogged key-value store once per
 * commit: the fingerprints a bucket took since the last commit become one entry ({@link #writeOut},
 * run by the store's {@link CommitHookStore} just before Kafka Streams commits). A counted event
 * costs a hash and an insert into an array, where a store entry per id cost a RocksDB put and a
 * changelog record (with the lookups, the largest item of the live analyzer's own work).
 *
 * <p>A task that starts reads its store's entries back, so after a restart or a move it knows
 * every id its last commit knew; ids remembered after that commit belong to events whose offsets
 * were not committed either, so they are processed again anyway. An id is looked up by its
 * fingerprint alone: two ids share one with a chance of about one in 2<sup>64</sup> divided by the
 * ids held (a few in 10<sup>13</sup> for half a million), the only way a first copy could be taken
 * for a re-sent one.
 *
 * <p>Memory is bounded: at most {@link #INDEX_LIMIT} ids a task (16 bytes an id at most). Past it
 * the oldest bucket is forgotten first, so the window shrinks for ids sent long ago, and a shipper
 * re-sending what it sent shortly before (the usual case, after a crash) is still recognised; each
 * bucket dropped early is logged once.
 */
final class StoredRecentIds implements RecentIds {
    private static final Logger log = LoggerFactory.getLogger(StoredRecentIds.class);
    /** Ids a task keeps: 8 MiB of fingerprints at most, an hour of 140 counted events a second. */
    static final int INDEX_LIMIT = 500_000;
    /** The time grain of the ids kept; a divisor of the window. */
    static final Duration BUCKET = Duration.ofMinutes(20);
    /** The first byte of every entry's value: the format (fingerprints, 8 bytes each, big-endian). */
    private static final byte FINGERPRINTS_V1 = 1;
    /** Between a key's bucket start and its number. */
    private static final char KEY_SEP = '/';

    /** One bucket's fingerprints, the store keys holding them and those taken since the last write-out. */
    private static final class Bucket {
        FingerprintSet ids = new FingerprintSet();
        final List<String> keys = new ArrayList<>();
        long[] unwritten = new long[16];
        int unwrittenCount;

        void unwritten(long fingerprint) {
            if (unwrittenCount == unwritten.length) {
                unwritten = Arrays.copyOf(unwritten, unwrittenCount * 2);
            }
            unwritten[unwrittenCount++] = fingerprint;
        }
    }

    private final KeyValueStore<String, byte[]> store;
    private final long bucketMillis = BUCKET.toMillis();
    private final int buckets;
    private final int indexLimit;
    private final TreeMap<Long, Bucket> index = new TreeMap<>();
    private int indexed;
    /** The number of the next entry written: unique in the store, so no write replaces another. */
    private long nextEntry;
    /** The last id fingerprinted and its fingerprint: a counted event asks for its id, then remembers it. */
    private String lastId;
    private long lastFingerprint;

    StoredRecentIds(KeyValueStore<String, byte[]> store, Duration window) {
        this(store, window, INDEX_LIMIT);
    }

    StoredRecentIds(KeyValueStore<String, byte[]> store, Duration window, int indexLimit) {
        if (window.toMillis() % bucketMillis != 0) {
            throw new IllegalArgumentException("the dedupe window " + window + " is not a whole number of " + BUCKET);
        }
        this.store = store;
        this.buckets = (int) (window.toMillis() / bucketMillis);
        this.indexLimit = indexLimit;
        load();
    }

    /** Reads the store's entries back; the newest buckets first, so a full index keeps the newest. */
    private void load() {
        TreeMap<Long, List<KeyValue<String, byte[]>>> stored = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                long[] key = parseKey(entry.key);
                if (key == null || entry.value == null || entry.value.length == 0 || entry.value[0] != FINGERPRINTS_V1) {
                    unreadable.add(entry.key);
                    continue;
                }
                stored.computeIfAbsent(key[0], b -> new ArrayList<>()).add(entry);
                nextEntry = Math.max(nextEntry, key[1] + 1);
            }
        }
        for (String key : unreadable) {
            log.warn("Dropped an entry of the recent ids this Vigil cannot read store={} key=\"{}\"", store.name(), key);
            store.delete(key);
        }
        for (Map.Entry<Long, List<KeyValue<String, byte[]>>> bucket : stored.descendingMap().entrySet()) {
            Bucket b = new Bucket();
            index.put(bucket.getKey(), b);
            for (KeyValue<String, byte[]> entry : bucket.getValue()) {
                b.keys.add(entry.key);
                ByteBuffer fingerprints = ByteBuffer.wrap(entry.value, 1, entry.value.length - 1);
                while (fingerprints.remaining() >= Long.BYTES && indexed < indexLimit) {
                    if (b.ids.add(fingerprints.getLong())) {
                        indexed++;
                    }
                }
            }
        }
    }

    @Override
    public boolean contains(String id, Instant now) {
        long fingerprint = fingerprint(id);
        long oldest = bucketOf(now) - buckets * bucketMillis;
        // newest first: a shipper re-sends what it sent shortly before
        for (Map.Entry<Long, Bucket> e : index.descendingMap().entrySet()) {
            if (e.getKey() < oldest) {
                return false;
            }
            if (e.getValue().ids.contains(fingerprint)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void remember(String id, Instant now) {
        long start = bucketOf(now);
        Bucket b = index.get(start);
        if (b == null) {
            b = new Bucket();
            index.put(start, b);
        }
        long fingerprint = fingerprint(id);
        if (b.ids.add(fingerprint)) {
            indexed++;
            b.unwritten(fingerprint);
            if (indexed > indexLimit) {
                forgetOldest(start, fingerprint);
            }
        }
    }

    /**
     * Writes the fingerprints taken since the last call, one entry per bucket; called just before
     * each commit, so the store's changelog commits with the events' offsets.
     */
    void writeOut() {
        for (Map.Entry<Long, Bucket> e : index.entrySet()) {
            Bucket b = e.getValue();
            if (b.unwrittenCount == 0) {
                continue;
            }
            ByteBuffer value = ByteBuffer.allocate(1 + b.unwrittenCount * Long.BYTES).put(FINGERPRINTS_V1);
            for (int i = 0; i < b.unwrittenCount; i++) {
                value.putLong(b.unwritten[i]);
            }
            String key = e.getKey() + String.valueOf(KEY_SEP) + nextEntry++;
            store.put(key, value.array());
            b.keys.add(key);
            b.unwrittenCount = 0;
        }
    }

    /** Forgets the buckets no lookup at {@code now} reaches any more, in memory and in the store. */
    void expire(Instant now) {
        Map<Long, Bucket> old = index.headMap(bucketOf(now) - buckets * bucketMillis);
        for (Bucket gone : old.values()) {
            forget(gone);
        }
        old.clear();
    }

    /** Ids in memory (tests and metrics). */
    int indexed() {
        return indexed;
    }

    /**
     * Past the limit: the oldest bucket is forgotten; when that is the current bucket ({@code current},
     * which alone took the limit) it starts again from its newest id ({@code newest}) rather than grow.
     */
    private void forgetOldest(long current, long newest) {
        Map.Entry<Long, Bucket> oldest = index.firstEntry();
        log.warn("Dedupe ids over their limit, the oldest are forgotten early: a re-sent event counted then may be "
                + "counted again limit={} bucket={} ids={}", indexLimit, Instant.ofEpochMilli(oldest.getKey()),
                oldest.getValue().ids.size());
        Bucket b = oldest.getValue();
        if (oldest.getKey() == current) {
            indexed -= b.ids.size() - 1;
            b.ids = new FingerprintSet();
            b.ids.add(newest);
            return;
        }
        forget(b);
        index.remove(oldest.getKey());
    }

    private void forget(Bucket gone) {
        indexed -= gone.ids.size();
        gone.keys.forEach(store::delete);
    }

    /** A key's bucket start and entry number, or null when it is not a key of this format. */
    private static long[] parseKey(String key) {
        int sep = key.indexOf(KEY_SEP);
        try {
            return sep <= 0 ? null : new long[] {Long.parseLong(key, 0, sep, 10), Long.parseLong(key, sep + 1, key.length(), 10)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private long fingerprint(String id) {
        if (!id.equals(lastId)) {
            lastId = id;
            lastFingerprint = FingerprintSet.of(id);
        }
        return lastFingerprint;
    }

    private long bucketOf(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), bucketMillis) * bucketMillis;
    }
}
