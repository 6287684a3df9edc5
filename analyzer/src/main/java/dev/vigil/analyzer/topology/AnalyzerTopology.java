package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.oom.OomKillDetector;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;

/** Wires the analyzer's processors; {@code main} and the tests build the same topology here. */
public final class AnalyzerTopology {
    /** Processor and sink names: stable, so changelogs and internal topics keep their names. */
    public static final String EVENTS_SOURCE = "events-source";
    public static final String INTAKE = "event-intake";
    public static final String OOM_KILL = "detect-oom-kill";
    public static final String INCIDENTS_SINK = "incidents-sink";
    public static final String DEADLETTER_SINK = "deadletter-sink";

    private AnalyzerTopology() {}

    /** The topology for {@code config}; {@code deadLettered} counts refused records. */
    public static Topology build(AnalyzerConfig config, AtomicLong deadLettered) {
        Serializer<Incident> incidentSerializer = IncidentJson.serde().serializer();
        Serializer<DeadLetter> deadLetterSerializer = (topic, letter) -> DeadLetters.toBytes(letter);
        Topology t = new Topology();
        t.addSource(EVENTS_SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), config.eventsTopic());
        t.addProcessor(INTAKE, new EventIntake(OOM_KILL, DEADLETTER_SINK, deadLettered), EVENTS_SOURCE);
        t.addProcessor(OOM_KILL, new OomKillDetector(), INTAKE);
        t.addSink(INCIDENTS_SINK, config.incidentsTopic(), Serdes.String().serializer(), incidentSerializer, OOM_KILL);
        t.addSink(DEADLETTER_SINK, config.deadletterTopic(), Serdes.String().serializer(), deadLetterSerializer, INTAKE);
        return t;
    }
}
