package dev.vigil.shippers.produce;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one source (journald, kmsg, file, shipper), updated from reader and producer threads. */
public final class SourceMetrics {
    private final String source;
    private final LongAdder recordsRead = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder recordsSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder drops = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder rotatedUnreadFiles = new LongAdder();
    private final LongAdder rotatedUnreadBytes = new LongAdder();
    private final LongAdder inFlight = new LongAdder();
    private final AtomicLong lagBytes = new AtomicLong(-1);

    public SourceMetrics(String source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The source's name, as listed in heartbeats. */
    public String source() {
        return source;
    }

    public void recordRead(long bytes) {
        recordsRead.increment();
        bytesRead.add(bytes);
    }

    void recordSending() {
        inFlight.increment();
    }

    void recordSent(long bytes) {
        inFlight.decrement();
        recordsSent.increment();
        bytesSent.add(bytes);
    }

    void recordDeadLettered() {
        deadLettered.increment();
    }

    /** A send ended by the shipper's stop: no longer in flight, not dropped (it is read again after the restart). */
    void recordAbandoned() {
        inFlight.decrement();
    }

    void recordDropped() {
        inFlight.decrement();
        drops.increment();
        errors.increment();
    }

    /** A record deliberately not sent: dropped by a rule, over the rate limit, or excluded. */
    void recordFiltered() {
        filtered.increment();
    }

    /** Records deliberately not sent. */
    public long filtered() {
        return filtered.sum();
    }

    /**
     * A file that left its path and was forgotten with {@code bytes} never read (reading was
     * paused for Kafka longer than the file stayed open): lost to the shipper.
     */
    public void recordRotatedUnread(long bytes) {
        rotatedUnreadFiles.increment();
        rotatedUnreadBytes.add(bytes);
    }

    /** Files forgotten with bytes unread. */
    public long rotatedUnreadFiles() {
        return rotatedUnreadFiles.sum();
    }

    /** Bytes of files forgotten unread. */
    public long rotatedUnreadBytes() {
        return rotatedUnreadBytes.sum();
    }

    /** A read error the source recovered from. */
    public void recordError() {
        errors.increment();
    }

    /** Records handed to Kafka and not yet acknowledged or dropped: the source's lag in records. */
    public long inFlight() {
        return inFlight.sum();
    }

    /** Sets the bytes the source has and has not handed to Kafka yet (files: on disk past the last shipped line). */
    public void recordLagBytes(long bytes) {
        lagBytes.set(bytes);
    }

    /** Bytes not handed to Kafka yet; empty for sources that cannot tell. */
    public OptionalLong lagBytes() {
        long v = lagBytes.get();
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The counters as they are now. */
    public SourceCounters counters() {
        return new SourceCounters(recordsRead.sum(), bytesRead.sum(), recordsSent.sum(), bytesSent.sum(),
                deadLettered.sum(), drops.sum(), errors.sum(), inFlight.sum());
    }
}
