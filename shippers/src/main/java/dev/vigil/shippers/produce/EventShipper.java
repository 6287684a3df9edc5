package dev.vigil.shippers.produce;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.shippers.checkpoint.AckedPositions;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.filter.EventFilter;
import dev.vigil.shippers.filter.FilterConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events (keyed by host) and dead letters to Kafka and advances each stream's checkpoint
 * from the delivery callbacks only, in read order.
 *
 * <p>{@link #ship} blocks while the {@link InFlightLimit} is full, which is how a slow or absent
 * broker pauses the sources. A send that fails for good is counted as a drop, logged at WARN, and
 * freezes its stream's checkpoint before the record, so a restart resends it.
 */
public final class EventShipper {
    /**
     * Largest event JSON sent as is with the default producer settings: 8 MiB less room for the
     * batch and record headers, which holds a 1 MiB line however its escaping grows it (at most
     * six times). {@code vigil.events} is created with an 8 MiB {@code max.message.bytes} to match.
     */
    public static final int DEFAULT_MAX_RECORD_BYTES =
            ProducerSettings.MAX_REQUEST_BYTES - ProducerSettings.RECORD_HEADROOM_BYTES;
    private static final Logger log = LoggerFactory.getLogger(EventShipper.class);

    private final Producer<String, byte[]> producer;
    private final CheckpointStore checkpoints;
    private final InFlightLimit limit;
    private final String eventsTopic;
    private final String deadLetterTopic;
    private final int maxRecordBytes;
    private final EventFilter filter;
    private final Map<String, AckedPositions> streams = new ConcurrentHashMap<>();

    public EventShipper(Producer<String, byte[]> producer, CheckpointStore checkpoints, InFlightLimit limit) {
        this(producer, checkpoints, limit, Topics.EVENTS, Topics.DEADLETTER, DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * @param eventsTopic topic of events
     * @param deadLetterTopic topic of unparsable input
     * @param maxRecordBytes events whose JSON is larger get their message cut (flag
     *     {@code line_truncated}) so the broker accepts them
     */
    public EventShipper(Producer<String, byte[]> producer, CheckpointStore checkpoints, InFlightLimit limit,
            String eventsTopic, String deadLetterTopic, int maxRecordBytes) {
        this(producer, checkpoints, limit, eventsTopic, deadLetterTopic, maxRecordBytes,
                new EventFilter(FilterConfig.none()));
    }

    /** As above, dropping what {@code filter} does not admit before it is sent. */
    public EventShipper(Producer<String, byte[]> producer, CheckpointStore checkpoints, InFlightLimit limit,
            String eventsTopic, String deadLetterTopic, int maxRecordBytes, EventFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.eventsTopic = Objects.requireNonNull(eventsTopic, "eventsTopic");
        this.deadLetterTopic = Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        if (maxRecordBytes < 1024) throw new IllegalArgumentException("maxRecordBytes < 1024: " + maxRecordBytes);
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The checkpoint store positions are committed to. */
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** The tracker of one stream's acknowledged position, created on first use. */
    public AckedPositions stream(String key) {
        return streams.computeIfAbsent(key, k -> new AckedPositions(k, checkpoints));
    }

    /** Stops tracking a stream (its file is gone); its saved position stays until removed from the store. */
    public void forget(String key) {
        streams.remove(key);
    }

    /**
     * Sends an event; once Kafka acknowledges it and everything before it on {@code stream},
     * the stream's checkpoint becomes {@code position}. Blocks while too much is in flight.
     */
    public void ship(Event event, AckedPositions stream, String position, SourceMetrics metrics)
            throws InterruptedException {
        if (!filter.admits(event)) {
            skip(stream, position, metrics);
            return;
        }
        send(eventsTopic, event.host(), fitted(event, metrics), stream.track(position), metrics);
    }

    /**
     * Passes over a record deliberately not sent (filtered, rate-limited, excluded): its position
     * counts as acknowledged, so the checkpoint moves past it once the records before it are
     * acknowledged, and a dropped record never holds a stream back.
     */
    public void skip(AckedPositions stream, String position, SourceMetrics metrics) {
        metrics.recordFiltered();
        stream.track(position).acknowledge();
    }

    /** Sends an event whose position is not checkpointed (heartbeats). */
    public void shipUntracked(Event event, SourceMetrics metrics) throws InterruptedException {
        send(eventsTopic, event.host(), fitted(event, metrics), null, metrics);
    }

    /**
     * The event's JSON, its message cut (and then its fields dropped) until it fits in
     * {@code maxRecordBytes}: a record the broker refuses would otherwise hold its stream's
     * checkpoint forever.
     */
    private byte[] fitted(Event event, SourceMetrics metrics) {
        byte[] json = EventJson.toBytes(event);
        if (json.length <= maxRecordBytes) {
            return json;
        }
        log.warn("Event cut to fit the record size limit host={} source={} file={} offset={} bytes={} maxRecordBytes={}",
                event.host(), event.source().wireName(), event.file(), event.offset(), json.length, maxRecordBytes);
        metrics.recordError();
        Set<String> flags = new TreeSet<>(event.flags());
        flags.add("line_truncated");
        Event withFlag = event.toBuilder().flags(flags).build();
        Event flagged = EventJson.toBytes(withFlag.toBuilder().message("").build()).length > maxRecordBytes
                ? withFlag.toBuilder().fields(Map.of()).build() : withFlag;
        String full = flagged.message();
        return FitToSize.cut(full.length(), maxRecordBytes,
                keep -> EventJson.toBytes(flagged.toBuilder().message(full.substring(0, keep)).build()),
                keep -> keep > 0 && Character.isHighSurrogate(full.charAt(keep - 1)) ? keep - 1 : keep);
    }

    /** Sends unparsable input to the dead-letter topic; its position is committed like an event's. */
    public void deadLetter(DeadLetter letter, AckedPositions stream, String position, SourceMetrics metrics)
            throws InterruptedException {
        log.warn("Unparsable input sent to dead letters host={} source={} origin={} reason=\"{}\"",
                letter.host(), letter.source().wireName(), letter.origin(), letter.reason());
        metrics.recordDeadLettered();
        send(deadLetterTopic, letter.host(), letter.toJson(maxRecordBytes),
                stream == null ? null : stream.track(position), metrics);
    }

    /** Sends everything buffered now, and waits for it. */
    public void flush() {
        producer.flush();
    }

    private void send(String topic, String key, byte[] value, AckedPositions.Pending pending,
            SourceMetrics metrics) throws InterruptedException {
        long size = value.length;
        limit.acquire(size);
        metrics.recordSending();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        boolean warned = false;
        while (true) {
            Attempt attempt = new Attempt(topic, key, size, pending, metrics);
            try {
                producer.send(record, attempt);
            } catch (KafkaException | IllegalStateException e) {
                attempt.onCompletion(null, e);
            }
            if (!attempt.finishSend()) {
                return;
            }
            if (!warned) {
                log.warn("Kafka does not answer, reading waits for it (nothing read is lost) source={} topic={}",
                        metrics.source(), topic);
                warned = true;
            }
            if (Thread.currentThread().isInterrupted()) {
                onCompletion(topic, key, size, pending, metrics, new InterruptedException("shipper stopping"));
                throw new InterruptedException("interrupted while waiting for Kafka");
            }
        }
    }

    /**
     * One try at handing a record to the producer. When the producer gives up waiting for the
     * topic's metadata (broker down) it fails the record inside {@code send}, before it was ever
     * queued: that is retried by the caller instead of dropping the record.
     */
    private final class Attempt implements Callback {
        private final String topic;
        private final String key;
        private final long size;
        private final AckedPositions.Pending pending;
        private final SourceMetrics metrics;
        private boolean inSend = true;
        private boolean retry;

        Attempt(String topic, String key, long size, AckedPositions.Pending pending, SourceMetrics metrics) {
            this.topic = topic;
            this.key = key;
            this.size = size;
            this.pending = pending;
            this.metrics = metrics;
        }

        @Override
        public synchronized void onCompletion(RecordMetadata metadata, Exception error) {
            if (inSend && error instanceof TimeoutException) {
                retry = true;
                return;
            }
            EventShipper.this.onCompletion(topic, key, size, pending, metrics, error);
        }

        /** Ends the call to {@code send}; true when the record must be sent again. */
        synchronized boolean finishSend() {
            inSend = false;
            return retry;
        }
    }

    private void onCompletion(String topic, String key, long size, AckedPositions.Pending pending,
            SourceMetrics metrics, Exception error) {
        limit.release(size);
        if (error == null) {
            metrics.recordSent(size);
            if (pending != null) {
                pending.acknowledge();
            }
            return;
        }
        boolean firstFailure = pending == null || pending.fail();
        if (error instanceof InterruptedException || error instanceof InterruptException) {
            // the shipper is stopping: the record is read and sent again after the restart
            metrics.recordAbandoned();
            if (firstFailure) {
                log.info("Send stopped by shutdown, checkpoint held before the record source={} topic={} key={}",
                        metrics.source(), topic, key);
            }
            return;
        }
        metrics.recordDropped();
        if (firstFailure) {
            if (error instanceof RecordTooLargeException) {
                log.warn("Send refused as too large, checkpoint held before the record source={} topic={} key={} "
                        + "bytes={} reason=\"{}\" hint=\"give the topic max.message.bytes of at least {}, or lower "
                        + "the producer's max.request.size so events are cut to fit\"",
                        metrics.source(), topic, key, size, error.getMessage(), maxRecordBytes + ProducerSettings.RECORD_HEADROOM_BYTES);
            } else {
                log.warn("Send failed, checkpoint held before the record source={} topic={} key={} reason=\"{}\"",
                        metrics.source(), topic, key, error.getMessage());
            }
        } else {
            log.debug("Send failed after an earlier failure source={} topic={} reason=\"{}\"",
                    metrics.source(), topic, error.getMessage());
        }
    }
}
