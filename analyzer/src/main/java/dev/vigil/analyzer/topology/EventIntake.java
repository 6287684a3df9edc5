package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetterReason;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.InvalidEventException;
import dev.vigil.patterns.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First step of the topology: parses raw event bytes, gives events without an id one from their
 * content and Kafka position, and turns everything it cannot use into a {@link DeadLetter} with
 * the reason. Both are redacted: secrets are gone before signatures, state, incidents or dead
 * letters are made of the text. The id is computed first, so an event keeps the id that finds it
 * in {@code vigil.events}.
 *
 * <p>Each record goes by name to the one child it is for: a dead letter to the dead-letter sink;
 * an event to the pattern processor and, when a signature pattern counts it, its signing request
 * to the signature route, gathered with the others of its shape until the commit
 * ({@link RouteBatches}). One node per event instead of a branch, casts and a separate
 * signature check, each of which Kafka Streams would pay a forward for.
 */
final class EventIntake implements ProcessorSupplier<byte[], byte[], String, Object> {
    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);
    private final AnalyzerCounts counts;
    private final Supplier<PatternSet> patterns;

    EventIntake(AnalyzerCounts counts, Supplier<PatternSet> patterns) {
        this.counts = counts;
        this.patterns = patterns;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        // holds nothing: its hook sends the signing requests gathered since the last commit, in
        // that commit. In memory and not logged, so it costs no changelog and no disk.
        return Set.of(CommitHookStore.around(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.INTAKE_HOOK),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled()));
    }

    @Override
    public Processor<byte[], byte[], String, Object> get() {
        return new Intake();
    }

    private final class Intake implements Processor<byte[], byte[], String, Object> {
        private final SignatureMiner.Requests requests = new SignatureMiner.Requests();
        private final LastInstant receivedAt = new LastInstant();
        private ProcessorContext<String, Object> context;
        private RouteBatches signing;
        private CommitHookStore hook;

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
            this.signing = RouteBatches.forwardedTo(SignatureRoute.SIGNATURE_REQUESTS_FILTER, context, InternalSerdes::requests);
            this.hook = CommitHookStore.of(context.getStateStore(StoreNames.INTAKE_HOOK));
            hook.beforeCommit(signing::sendAll);
        }

        @Override
        public void close() {
            signing.clear(); // a clean close committed them; a dirty one's input is read again
            hook.detach();
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            RecordMetadata where = context.recordMetadata().orElseThrow();
            PatternSet set = patterns.get(); // one set for the whole event, even when a reload lands meanwhile
            Event event;
            try {
                event = EventJson.parse(record.value() == null ? new byte[0] : record.value());
            } catch (InvalidEventException e) {
                refuse(record, where, DeadLetterReason.ofParseError(record.value(), e.getMessage()), e.getMessage(), set);
                return;
            }
            Admission admission = admitUnredacted(event, receivedAt.of(record.timestamp()), where.topic(),
                    where.partition(), where.offset());
            if (admission.refusal() != null) {
                refuse(record, where, DeadLetterReason.TS_OUT_OF_RANGE, admission.refusal(), set);
                return;
            }
            event = redactedAsScanned(admission.event(), set);
            // the record keeps the time it reached Kafka: event time lives in the event, where the engine
            // reads it. A host whose clock runs an hour ahead would otherwise stamp changelog records
            // the broker refuses (message.timestamp.after.max.ms), and the task would fail.
            SignatureMiner.Request request = requests.of(set, event);
            if (request != null) {
                // with the shape's other requests of this commit: the miner gets them in one record
                signing.add(request.shape(), record.timestamp(), request::writeTo);
            }
            context.forward(new Record<>(event.host(), (Object) EngineInput.unsigned(event), record.timestamp()),
                    AnalyzerTopology.PATTERNS);
        }

        private void refuse(Record<byte[], byte[]> record, RecordMetadata where, DeadLetterReason code, String reason,
                PatternSet set) {
            long count = counts.deadLettered(code);
            log.warn("Refused event topic={} partition={} offset={} code={} reason=\"{}\" deadLettered={}",
                    where.topic(), where.partition(), where.offset(), code.code(), reason, count);
            // the key as Kafka Streams' string serde reads it, decoded only here (see AnalyzerTopology)
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            DeadLetter letter = DeadLetters.of(reason, where.topic(), where.partition(), where.offset(), key, record.value(),
                    set.redactor());
            context.forward(new Record<>(key, (Object) letter, record.timestamp()), AnalyzerTopology.DEADLETTER_SINK);
        }
    }

    /** What the intake makes of a parsed event: the event the engine runs, or why its time is refused. */
    record Admission(Event event, String refusal) {}

    /**
     * The event as the engine sees it up to its redaction: refused when its time is absurd, kept at
     * its arrival time when stamped too far ahead of it, with an id (from its content and position
     * when it has none). Its message is redacted next, by {@link #redactedAsScanned}, once the
     * prefilter's scan has said which redactions it needs.
     */
    static Admission admitUnredacted(Event event, Instant receivedAt, String topic, int partition, long offset) {
        Optional<String> absurd = EventTimes.absurdTime(event.ts(), receivedAt);
        if (absurd.isPresent()) {
            return new Admission(null, absurd.get());
        }
        event = EventTimes.clampedToArrival(event, receivedAt);
        if (event.id() == null) {
            event = event.toBuilder().id(EventIds.ofContent(event, topic, partition, offset)).build();
        }
        return new Admission(event, null);
    }

    /**
     * {@code event} redacted as {@link Redactor#redact} would, by the rules the prefilter's scan of it
     * found triggers of: the scan the patterns need anyway also looks for the triggers, so a
     * message holding none (most) costs no pass of the redactor's own. The set remembers the
     * scan of the event returned when it is {@code event} (asked about it next on this thread,
     * it does not scan it again); one that was redacted is scanned when asked about.
     */
    static Event redactedAsScanned(Event event, PatternSet set) {
        BitSet due = set.scanOf(event).redactions();
        if (due != null && due.isEmpty()) {
            return event;
        }
        Redactor redactor = set.redactor();
        return redacted(event, due == null ? redactor::redact : m -> redactor.redactDue(m, due));
    }

    /** {@code event} with its message redacted (by {@code redaction}); the same instance when nothing was. */
    static Event redacted(Event event, UnaryOperator<String> redaction) {
        String redacted = redaction.apply(event.message());
        return redacted.equals(event.message()) ? event : event.toBuilder().message(redacted).build();
    }
}
