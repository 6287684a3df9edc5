package dev.vigil.analyzer.topology;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the analyzer rebuilt from changelogs since it started: after a clean stop there should be
 * nothing (the stores and their checkpoints are on disk), after a crash the restore is what makes
 * start-up slow, so each one is logged with its size and duration.
 */
final class StateRestores implements StateRestoreListener {
    private static final Logger log = LoggerFactory.getLogger(StateRestores.class);

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong restores = new AtomicLong();
    private final AtomicLong firstStartNanos = new AtomicLong();
    private final AtomicLong lastEndNanos = new AtomicLong();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        restores.incrementAndGet();
        firstStartNanos.compareAndSet(0, System.nanoTime());
        // a fresh or empty changelog has nothing to restore: not worth a line per store and partition
        if (endingOffset > startingOffset) {
            log.info("Restoring state store={} changelog={} from={} to={}", store, partition, startingOffset, endingOffset);
        } else {
            log.debug("Restoring state store={} changelog={} from={} to={}", store, partition, startingOffset, endingOffset);
        }
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        records.addAndGet(numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        lastEndNanos.set(System.nanoTime());
        if (totalRestored > 0) {
            log.info("Restored state store={} changelog={} records={}", store, partition, totalRestored);
        }
    }

    /** Changelog records replayed into local stores since start; 0 when every store was warm. */
    long records() {
        return records.get();
    }

    /** Store partitions restored since start. */
    long restores() {
        return restores.get();
    }

    /** From the first restore's start to the last one's end; zero when nothing was restored. */
    Duration duration() {
        long start = firstStartNanos.get();
        long end = lastEndNanos.get();
        return start == 0 || end < start ? Duration.ZERO : Duration.ofNanos(end - start);
    }
}
