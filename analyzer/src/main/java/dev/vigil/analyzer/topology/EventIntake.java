package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.InvalidEventException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First step of the topology: parses raw event bytes, gives events without an id one from their
 * content and Kafka position, and turns everything it cannot use into a {@link DeadLetter} with
 * the reason. It forwards either an {@link Event} or a {@link DeadLetter}.
 */
final class EventIntake implements ProcessorSupplier<String, byte[], String, Object> {
    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);
    /** Events stamped this far after they reached Kafka are clock errors, not events. */
    static final Duration MAX_FUTURE = Duration.ofDays(1);
    /**
     * An event stamped further than this after it reached Kafka is kept at the time it reached
     * Kafka, flagged {@code ts_clamped}. The record's time is the shipper's send time on the same
     * host, so a host whose whole clock is off is not affected; one line with a wrong stamp (a
     * wrong zone, a garbled year) is, and would otherwise move its host's clock hours ahead and
     * end every open incident of that host at once.
     */
    static final Duration MAX_AHEAD = Duration.ofMinutes(15);
    static final String TS_CLAMPED = "ts_clamped";
    /** Before this no Linux host wrote the events Vigil reads; a ts there is a parse error upstream. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final AtomicLong deadLettered;

    EventIntake(AtomicLong deadLettered) {
        this.deadLettered = deadLettered;
    }

    @Override
    public Processor<String, byte[], String, Object> get() {
        return new Intake();
    }

    private final class Intake implements Processor<String, byte[], String, Object> {
        private ProcessorContext<String, Object> context;

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            RecordMetadata where = context.recordMetadata().orElseThrow();
            Event event;
            try {
                event = EventJson.parse(record.value() == null ? new byte[0] : record.value());
            } catch (InvalidEventException e) {
                refuse(record, where, e.getMessage());
                return;
            }
            Optional<String> absurd = absurdTime(event.ts(), Instant.ofEpochMilli(record.timestamp()));
            if (absurd.isPresent()) {
                refuse(record, where, absurd.get());
                return;
            }
            event = clampedToArrival(event, Instant.ofEpochMilli(record.timestamp()));
            if (event.id() == null) {
                event = event.toBuilder().id(EventIds.ofContent(event, where.topic(), where.partition(), where.offset())).build();
            }
            // the record keeps the time it reached Kafka: event time lives in the event, where the engine
            // reads it. A host whose clock runs an hour ahead would otherwise stamp changelog records
            // the broker refuses (message.timestamp.after.max.ms), and the task would fail.
            context.forward(new Record<>(event.host(), (Object) event, record.timestamp()));
        }

        private void refuse(Record<String, byte[]> record, RecordMetadata where, String reason) {
            long count = deadLettered.incrementAndGet();
            log.warn("Refused event topic={} partition={} offset={} reason=\"{}\" deadLettered={}",
                    where.topic(), where.partition(), where.offset(), reason, count);
            DeadLetter letter = DeadLetters.of(reason, where.topic(), where.partition(), where.offset(),
                    record.key(), record.value());
            context.forward(new Record<>(record.key(), (Object) letter, record.timestamp()));
        }
    }

    /** The event, or when it is stamped more than {@link #MAX_AHEAD} after {@code receivedAt}, a copy stamped then. */
    static Event clampedToArrival(Event e, Instant receivedAt) {
        if (!e.ts().isAfter(receivedAt.plus(MAX_AHEAD))) {
            return e;
        }
        log.warn("Event stamped ahead of its arrival, kept at arrival time host={} ts={} receivedAt={} maxAhead={}",
                e.host(), e.ts(), receivedAt, MAX_AHEAD);
        Set<String> flags = new TreeSet<>(e.flags());
        flags.add(TS_CLAMPED);
        Map<String, String> fields = new TreeMap<>(e.fields());
        fields.put("original_ts", e.ts().toString());
        return e.toBuilder().ts(receivedAt).flags(flags).fields(fields).build();
    }

    static Optional<String> absurdTime(Instant ts, Instant receivedAt) {
        if (ts.isBefore(EARLIEST)) {
            return Optional.of("absurd timestamp: ts " + ts + " is before " + EARLIEST);
        }
        if (ts.isAfter(receivedAt.plus(MAX_FUTURE))) {
            return Optional.of("absurd timestamp: ts " + ts + " is more than " + MAX_FUTURE.toHours()
                    + " h after the record reached Kafka at " + receivedAt);
        }
        return Optional.empty();
    }
}
