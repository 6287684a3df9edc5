package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.patterns.compile.PatternSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Wires the analyzer's processors; {@code main}, replay and the tests build the same topology here.
 *
 * <pre>
 * vigil.events ─> intake ─┬─> vigil.deadletter
 *                         ├─> events ──────────────────────────────────────────────────────────────┬─> patterns ─> vigil.incidents
 *                         └─> requests by shape ─> [signature-requests] ─> mine ─> [signed-events] ─> read ─┘
 * </pre>
 *
 * Everything of one host meets in one task, keyed by host. The events signature patterns count
 * also take a detour, keyed by message shape, through the miner that owns that shape, and come
 * back signed: one template, one id, on every host ({@link SignatureRoute}). Both internal topics
 * are repartition topics Kafka Streams creates and purges; each record on them carries a commit's
 * requests of one shape, or a commit's signed copies for one host ({@link RouteBatches}).
 */
public final class AnalyzerTopology {
    /** Processor, topic and sink names: stable, so changelogs and internal topics keep their names. */
    public static final String EVENTS_SOURCE = "events-source";
    public static final String INTAKE = "event-intake";
    public static final String SIGNATURE_REQUESTS = "signature-requests";
    public static final String MINE_SIGNATURES = "mine-signatures";
    public static final String SIGNED_EVENTS = "signed-events";
    public static final String PATTERNS = "run-patterns";
    public static final String INCIDENTS_SINK = "incidents-sink";
    public static final String DEADLETTER_SINK = "deadletter-sink";

    private AnalyzerTopology() {}

    /**
     * The topology for {@code config}, running the patterns {@code patterns} supplies (read per
     * event, so a reload swaps them atomically); {@code deadLettered} counts refused records.
     */
    public static Topology build(AnalyzerConfig config, Supplier<PatternSet> patterns, AtomicLong deadLettered) {
        return build(config, patterns, new AnalyzerCounts(deadLettered));
    }

    /** As {@link #build(AnalyzerConfig, Supplier, AtomicLong)}, counting into {@code counts}. */
    public static Topology build(AnalyzerConfig config, Supplier<PatternSet> patterns, AnalyzerCounts counts) {
        Serde<DeadLetter> deadLetterSerde = Serdes.serdeFrom((topic, letter) -> DeadLetters.toBytes(letter),
                (topic, bytes) -> {
                    throw new UnsupportedOperationException("the analyzer only writes dead letters");
                });
        BiConsumer<KStream<String, DeadLetter>, String> deadLetters = (letters, sink) -> letters.to(config.deadletterTopic(),
                Produced.with(Serdes.String(), deadLetterSerde).withName(sink));
        StreamsBuilder builder = new StreamsBuilder();
        // the key (the shipper's host) left as bytes: the intake keys each event by the host it
        // parses, and decodes the record's own key only for a dead letter, not once per event
        KStream<String, Object> intake = builder
                .stream(config.eventsTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(EVENTS_SOURCE))
                .process(new EventIntake(counts, patterns), Named.as(INTAKE));
        deadLetters.accept(SignatureRoute.typed(intake), DEADLETTER_SINK);
        SignatureRoute.build(intake, patterns, counts, deadLetters);
        Topology topology = builder.build();
        // the engine takes both the intake's events and the signed copies as its parents: the DSL's
        // merge would add a node every event passes through, and its peek another for the incidents
        topology.addProcessor(PATTERNS, new PatternProcessor(patterns, counts), INTAKE, SignatureRoute.READ_SIGNED);
        topology.addSink(INCIDENTS_SINK, config.incidentsTopic(), Serdes.String().serializer(),
                IncidentJson.serde().serializer(), PATTERNS);
        return topology;
    }
}
