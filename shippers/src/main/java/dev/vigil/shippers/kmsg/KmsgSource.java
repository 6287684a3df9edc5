package dev.vigil.shippers.kmsg;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.AckedPositions;
import dev.vigil.shippers.produce.DeadLetter;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.SourceMetrics;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships kernel records of the running boot, resuming after the last acknowledged seq of that boot
 * so a restart does not replay the ring buffer; a new boot is shipped from the start of its buffer.
 * A sequence gap (EPIPE on read, or records overwritten while the shipper was down) becomes one
 * {@code kmsg_overrun} event naming the missing range.
 */
public final class KmsgSource implements Runnable, Closeable {
    /** Checkpoint keys of this source start with this; the boot id follows. */
    public static final String STREAM_PREFIX = "kmsg/";
    private static final Logger log = LoggerFactory.getLogger(KmsgSource.class);

    private final String host;
    private final BootClock boot;
    private final KmsgReader reader;
    private final EventShipper shipper;
    private final SourceMetrics metrics;
    private final Clock clock;
    private final AckedPositions stream;
    private volatile boolean closed;
    private long lastSeq;
    private boolean overrun;
    /** On a first start with a look-back: records stamped before this are not shipped. */
    private Instant skipBefore;

    /** A source whose first start ships the whole ring buffer. */
    public KmsgSource(String host, BootClock boot, KmsgReader reader, EventShipper shipper, SourceMetrics metrics,
            Clock clock) {
        this(host, boot, reader, shipper, metrics, clock, null);
    }

    /**
     * A source whose first start (no position saved for any boot) ships the records of the last
     * {@code firstStartLookBack} only, or the whole buffer when null.
     */
    public KmsgSource(String host, BootClock boot, KmsgReader reader, EventShipper shipper, SourceMetrics metrics,
            Clock clock, Duration firstStartLookBack) {
        this.host = Objects.requireNonNull(host, "host");
        this.boot = Objects.requireNonNull(boot, "boot");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.shipper = Objects.requireNonNull(shipper, "shipper");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        String key = STREAM_PREFIX + boot.bootId();
        this.stream = shipper.stream(key);
        this.lastSeq = shipper.checkpoints().position(key).map(Long::parseLong).orElse(-1L);
        boolean firstStart = shipper.checkpoints().positionsStartingWith(STREAM_PREFIX).isEmpty();
        if (firstStart && firstStartLookBack != null) {
            skipBefore = clock.instant().minus(firstStartLookBack);
            log.info("First start of the kernel source, shipping from host={} since={} lookBack={}", host, skipBefore,
                    firstStartLookBack);
        }
        forgetOtherBoots(key);
    }

    private void forgetOtherBoots(String key) {
        shipper.checkpoints().positionsStartingWith(STREAM_PREFIX).keySet().stream()
                .filter(k -> !k.equals(key))
                .forEach(k -> shipper.checkpoints().remove(k));
    }

    @Override
    public void run() {
        log.info("Kernel source started host={} boot_id={} resumeAfterSeq={}", host, boot.bootId(), lastSeq);
        try {
            byte[] raw;
            while (!closed && (raw = readRecord()) != null) {
                if (raw.length > 0) {
                    handle(raw);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!closed) {
                metrics.recordError();
                log.warn("Kernel source stopped on read error host={} reason=\"{}\"", host, e.getMessage());
            }
        }
    }

    /** The next record; an empty array after an overrun, which the next record's seq will size. */
    private byte[] readRecord() throws IOException {
        try {
            return reader.next();
        } catch (KmsgOverrunException e) {
            overrun = true;
            metrics.recordError();
            log.warn("Kernel ring buffer overrun host={} lastSeq={}", host, lastSeq);
            return new byte[0];
        }
    }

    private void handle(byte[] raw) throws InterruptedException {
        metrics.recordRead(raw.length);
        KmsgRecord record;
        try {
            record = KmsgRecordParser.parse(raw);
        } catch (KmsgFormatException e) {
            metrics.recordError();
            DeadLetter letter = new DeadLetter(host, Source.KERNEL, "after seq=" + lastSeq, e.getMessage(), raw,
                    clock.instant());
            shipper.deadLetter(letter, lastSeq < 0 ? null : stream, Long.toString(lastSeq), metrics);
            return;
        }
        if (lastSeq >= 0 && record.seq() <= lastSeq) {
            return;
        }
        if (lastSeq >= 0 && record.seq() > lastSeq + 1) {
            shipOverrun(lastSeq + 1, record.seq() - 1, record);
        } else if (overrun) {
            log.warn("Kernel ring buffer overrun with no seq gap host={} seq={}", host, record.seq());
        }
        overrun = false;
        if (skipBefore != null) {
            if (boot.toWallTime(record.monotonicMicros()).isBefore(skipBefore)) {
                lastSeq = record.seq(); // read, not shipped: older than the first start looks back
                return;
            }
            skipBefore = null;
        }
        shipper.ship(toEvent(record), stream, Long.toString(record.seq()), metrics);
        lastSeq = record.seq();
    }

    private void shipOverrun(long firstMissing, long lastMissing, KmsgRecord next) throws InterruptedException {
        long count = lastMissing - firstMissing + 1;
        Event e = Event.builder(host, Source.SHIPPER, boot.toWallTime(next.monotonicMicros()),
                        "kernel ring buffer overrun: " + count + " records lost, seq " + firstMissing + ".." + lastMissing)
                .id(EventIds.of(host, Source.SHIPPER, boot.bootId(), "kmsg_overrun:" + firstMissing + "-" + lastMissing))
                .identifier("kmsg_overrun")
                .bootId(boot.bootId())
                .seq(firstMissing)
                .fields(Map.of("first_missing_seq", Long.toString(firstMissing),
                        "last_missing_seq", Long.toString(lastMissing),
                        "missing", Long.toString(count)))
                .build();
        shipper.ship(e, stream, Long.toString(lastSeq), metrics);
    }

    private Event toEvent(KmsgRecord r) {
        return r.toEvent(host, boot);
    }

    /** Stops reading; wakes a read blocked on the device. */
    @Override
    public void close() throws IOException {
        closed = true;
        reader.close();
    }
}
