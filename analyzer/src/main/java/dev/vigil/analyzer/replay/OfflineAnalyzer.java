package dev.vigil.analyzer.replay;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.analyzer.topology.AnalyzerTopology;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The analyzer's own topology run offline, without a broker: events go in in time order, the
 * analyzer's clock follows the events' time (so quiet periods and silences are measured on
 * it), and the last state of each incident comes out. {@code vigil replay} and
 * {@code vigil patterns test} both run on it, so what they show is what the live analyzer does.
 */
public final class OfflineAnalyzer implements AutoCloseable {
    /** The analyzer's clock moves in steps of at least this much, so time-driven work runs once per step. */
    static final Duration CLOCK_STEP = Duration.ofSeconds(1);
    /** Host name of the marker event that closes the input. */
    static final String MARKER_HOST = "vigil-replay";

    private final AnalyzerConfig config;
    private final PatternSet patterns;
    private final AtomicLong deadLettered = new AtomicLong();
    /**
     * The last record of each incident, as the topology wrote it: a long replay updates its
     * incidents thousands of times, and only the last of each is ever read back.
     */
    private final Map<String, byte[]> latest = new LinkedHashMap<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, byte[]> output;
    private Instant clock;

    public OfflineAnalyzer(PatternSet patterns, Path stateDir) {
        this.patterns = patterns;
        // exactly-once guards against a broker failing mid-commit; offline there is none, only its cost per record
        this.config = AnalyzerConfig.defaults("offline:9092", stateDir).withApplicationId("vigil-offline")
                .withExactlyOnce(false);
    }

    /** An event in the form the topology reads, with what the driver needs to pipe it. */
    record Encoded(String host, Instant ts, byte[] json) {
        static Encoded of(Event e) {
            return new Encoded(e.host(), e.ts(), EventJson.toBytes(e));
        }
    }

    /** Feeds one event; events should come in time order (a late one is processed at the current clock). */
    public void feed(Event e) {
        feed(Encoded.of(e));
    }

    /** Feeds one event already encoded (replay encodes ahead, on its reading thread). */
    void feed(Encoded e) {
        if (driver == null) {
            start(e.ts());
        }
        if (e.ts().isAfter(clock.plus(CLOCK_STEP))) {
            driver.advanceWallClockTime(Duration.between(clock, e.ts()));
            clock = e.ts();
        }
        input.pipeInput(e.host(), e.json(), e.ts().toEpochMilli());
        drain();
    }

    /** Advances the analyzer's clock to {@code at} without an event (time passing in silence). */
    public void advanceTo(Instant at) {
        if (driver != null && at.isAfter(clock)) {
            driver.advanceWallClockTime(Duration.between(clock, at));
            clock = at;
            drain();
        }
    }

    /** Closes the input and returns the last state of every incident, in order of first appearance. */
    public List<Incident> finish() {
        if (driver == null) {
            return List.of();
        }
        Event end = Event.builder(MARKER_HOST, Source.SHIPPER, clock, "end of input")
                .identifier("end_of_input").build();
        input.pipeInput(MARKER_HOST, EventJson.toBytes(end), clock.toEpochMilli());
        drain();
        List<Incident> out = new ArrayList<>();
        latest.values().forEach(bytes -> out.add(IncidentJson.parse(bytes)));
        return List.copyOf(out);
    }

    /** Input records refused as invalid. */
    public long deadLettered() {
        return deadLettered.get();
    }

    private void start(Instant firstEventTime) {
        Properties props = Analyzer.streamsProperties(config);
        driver = new TopologyTestDriver(AnalyzerTopology.build(config, () -> patterns, deadLettered, true), props,
                firstEventTime);
        input = driver.createInputTopic(config.eventsTopic(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        output = driver.createOutputTopic(config.incidentsTopic(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        clock = firstEventTime;
    }

    private void drain() {
        for (KeyValue<String, byte[]> kv : output.readKeyValuesToList()) {
            latest.put(kv.key, kv.value);
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.close();
        }
    }
}
