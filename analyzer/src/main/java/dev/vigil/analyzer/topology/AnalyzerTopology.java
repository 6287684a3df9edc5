package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.patterns.compile.PatternSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;

/** Wires the analyzer's processors; {@code main}, replay and the tests build the same topology here. */
public final class AnalyzerTopology {
    /** Processor and sink names: stable, so changelogs and internal topics keep their names. */
    public static final String EVENTS_SOURCE = "events-source";
    public static final String INTAKE = "event-intake";
    public static final String PATTERNS = "run-patterns";
    public static final String INCIDENTS_SINK = "incidents-sink";
    public static final String DEADLETTER_SINK = "deadletter-sink";

    private AnalyzerTopology() {}

    /**
     * The topology for {@code config}, running the patterns {@code patterns} supplies (read per
     * event, so a reload swaps them atomically); {@code deadLettered} counts refused records.
     */
    public static Topology build(AnalyzerConfig config, Supplier<PatternSet> patterns, AtomicLong deadLettered) {
        return build(config, patterns, deadLettered, false);
    }

    /** As {@link #build(AnalyzerConfig, Supplier, AtomicLong)}; {@code offline} for replay and pattern tests. */
    public static Topology build(AnalyzerConfig config, Supplier<PatternSet> patterns, AtomicLong deadLettered,
            boolean offline) {
        Serializer<Incident> incidentSerializer = IncidentJson.serde().serializer();
        Serializer<DeadLetter> deadLetterSerializer = (topic, letter) -> DeadLetters.toBytes(letter);
        Topology t = new Topology();
        t.addSource(EVENTS_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), config.eventsTopic());
        t.addProcessor(INTAKE, new EventIntake(PATTERNS, DEADLETTER_SINK, deadLettered), EVENTS_SOURCE);
        t.addProcessor(PATTERNS, new PatternProcessor(patterns, offline), INTAKE);
        t.addSink(INCIDENTS_SINK, config.incidentsTopic(), Serdes.String().serializer(), incidentSerializer, PATTERNS);
        t.addSink(DEADLETTER_SINK, config.deadletterTopic(), Serdes.String().serializer(), deadLetterSerializer, INTAKE);
        return t;
    }
}
