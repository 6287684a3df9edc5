package dev.vigil.analyzer.topology;

import static dev.vigil.analyzer.topology.AnalyzerTestKit.fileLine;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.producer;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.send;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.started;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log line of control bytes near the shipper's cut (each byte is six in event JSON) on the
 * real broker: the records the analyzer forwards internally must fit their topics, so detection
 * goes on for the lines after it, also across a restart.
 */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class OversizedLineIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    /** Seed 002, appendix A: the assigner worker's repeated error (also in the library's fixtures). */
    private static final String SEED_002_ERROR =
            "2026-02-08 09:37:12 ERROR Failed to create environment: RuntimeError: No available ports for new environment";

    @TempDir
    Path stateDir;

    @Test
    void shouldKeepDetectingAfterAnErrorLineOfAMebibyteOfControlBytes() throws Exception {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 1, (short) 1);
        }
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir.resolve("first"))
                .withApplicationId("vigil-oversized-it");
        Instant at = Instant.parse("2026-12-03T02:30:00Z");
        String poison = "2026-12-03 02:30:00,000 ERROR t " + "\u0001".repeat(1 << 20);
        try (KafkaProducer<String, byte[]> producer = producer(KAFKA.bootstrapServers())) {
            try (Analyzer analyzer = started(config)) {
                send(producer, line("/tmp/x/poison.log", at, 0, poison));
                send(producer, line("/tmp/x/poison.log", at.plusSeconds(1), 1, poison));
                send(producer, line("/tmp/architect_assigner_worker.log", at.plusSeconds(2), 0, SEED_002_ERROR));
                send(producer, line("/tmp/architect_assigner_worker.log", at.plusSeconds(3), 1, SEED_002_ERROR));

                Incident after = awaitSignatureIncident("/tmp/architect_assigner_worker.log");
                assertTrue(after.summary().endsWith(": Failed to create environment: RuntimeError: No available ports for new environment"),
                        after.summary());
                Incident poisoned = awaitSignatureIncident("/tmp/x/poison.log");
                assertEquals(2, poisoned.count(), poisoned.toString().substring(0, 200));
                assertEquals(KafkaStreams.State.RUNNING, analyzer.state());
                assertTrue(analyzer.failure().isEmpty(), "no stream thread failed");
            }
            // a restart reads the same records again from the changelogs and repartition topics
            try (Analyzer again = started(config.withStateDir(stateDir.resolve("second")))) {
                send(producer, line("/tmp/architect_assigner_worker.log", at.plusSeconds(4), 2, SEED_002_ERROR));
                await("the third error counted after the restart").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> signatureIncidents("/tmp/architect_assigner_worker.log").stream().anyMatch(i -> i.count() == 3));
                assertEquals(KafkaStreams.State.RUNNING, again.state());
            }
        }
    }

    @Test
    void shouldStopAndSayWhyWhenAStreamThreadFailsInsteadOfLookingReady() throws Exception {
        // an incidents topic that takes no record of an incident's size: the task cannot write its output
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 1, (short) 1);
            admin.createTopics(List.of(new NewTopic("tiny-incidents", 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64")))).all().get(30, TimeUnit.SECONDS);
        }
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir.resolve("tiny"))
                .withApplicationId("vigil-failure-it").withTopics("tiny-events", "tiny-incidents", "tiny-deadletter");
        try (Admin admin = KAFKA.admin()) {
            admin.createTopics(List.of(new NewTopic("tiny-events", 1, (short) 1), new NewTopic("tiny-deadletter", 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        CountDownLatch told = new CountDownLatch(1);
        try (KafkaProducer<String, byte[]> producer = producer(KAFKA.bootstrapServers()); Analyzer analyzer = new Analyzer(config)) {
            analyzer.onFailure(told::countDown);
            analyzer.start();
            assertTrue(analyzer.awaitRunning(Duration.ofSeconds(90)), "analyzer running");
            Event kill = Event.builder("web-7", Source.KERNEL, Instant.now(), "Out of memory: Killed process 4242 (java) "
                    + "total-vm:100kB, anon-rss:50kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:4kB oom_score_adj:0")
                    .id(EventIds.of("web-7", Source.KERNEL, "b9", "1")).build();
            producer.send(new ProducerRecord<>("tiny-events", kill.host(), EventJson.toBytes(kill))).get(30, TimeUnit.SECONDS);

            assertTrue(told.await(90, TimeUnit.SECONDS), "the command running the analyzer is told");
            assertTrue(analyzer.failure().isPresent());
            assertTrue(analyzer.failureReason().orElseThrow().startsWith("RecordTooLargeException: "),
                    analyzer.failureReason().orElseThrow());
            await("the analyzer to shut down").atMost(Duration.ofSeconds(60))
                    .until(() -> analyzer.state() == KafkaStreams.State.ERROR || analyzer.state() == KafkaStreams.State.NOT_RUNNING);
        }
    }

    private static Event line(String file, Instant at, long offset, String message) {
        return fileLine("web-7", file, at, offset, message);
    }

    private static Incident awaitSignatureIncident(String file) {
        return AnalyzerTestKit.awaitLast(KAFKA.bootstrapServers(), "error_signature incident of " + file, ofSignature(file));
    }

    private static List<Incident> signatureIncidents(String file) {
        return AnalyzerTestKit.incidents(KAFKA.bootstrapServers(), ofSignature(file));
    }

    private static Predicate<Incident> ofSignature(String file) {
        return i -> i.type().equals("error_signature") && i.subject().equals(file);
    }
}
