package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.library.PatternFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer's topology, as {@code vigil analyze} builds it with the standard library, on a
 * TopologyTestDriver with its three topics, fresh for each test.
 */
abstract class TopologyDriverFixture {
    static final PatternSet LIBRARY = PatternFiles.load(List.of());

    private final Instant wallClockStart;

    @TempDir
    Path stateDir;

    AnalyzerConfig config;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> events;
    TestOutputTopic<String, Incident> incidents;
    TestOutputTopic<String, byte[]> deadletter;
    final AtomicLong deadLettered = new AtomicLong();

    /** A driver whose wall clock starts at {@code wallClockStart}. */
    TopologyDriverFixture(Instant wallClockStart) {
        this.wallClockStart = wallClockStart;
    }

    @BeforeEach
    void startDriver() {
        config = AnalyzerConfig.defaults("unused:9092", stateDir);
        driver = new TopologyTestDriver(AnalyzerTopology.build(config, () -> LIBRARY, deadLettered),
                Analyzer.streamsProperties(config), wallClockStart);
        events = driver.createInputTopic(config.eventsTopic(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        incidents = driver.createOutputTopic(config.incidentsTopic(), Serdes.String().deserializer(),
                IncidentJson.serde().deserializer());
        deadletter = driver.createOutputTopic(config.deadletterTopic(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }
}
