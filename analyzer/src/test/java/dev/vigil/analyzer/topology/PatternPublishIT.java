package dev.vigil.analyzer.topology;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.library.PatternFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pattern files published to {@code vigil.patterns} on the real broker: a bad file is skipped, the rest load. */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PatternPublishIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final String DISK = """
            pattern disk_full {
              match file where message contains "No space left on device"
              group by file
              type disk_full
              summary "{file}: disk full"
            }
            """;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void createTopics() {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 1, (short) 1);
        }
    }

    @Test
    void shouldSkipAFileThatWouldWedgeTheCompilerAndLoadTheFilePublishedAfterIt() throws Exception {
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir).withApplicationId("vigil-publish-it");
        publish("counts.vigil", "pattern counts {\n  match file where message ~ /((((a{100}){100}){100}){100})/\n"
                + "  type t\n  summary \"s\"\n}\n");
        publish("deep.vigil", "pattern deep {\n  match file where message ~ /" + "(".repeat(2_000) + "a" + ")".repeat(2_000)
                + "/\n  type t\n  summary \"s\"\n}\n");
        try (Analyzer analyzer = AnalyzerTestKit.started(config)) {
            publish("disk.vigil", DISK);

            await("the file published after the bad ones to run").atMost(Duration.ofSeconds(60))
                    .until(() -> analyzer.patterns().byName("disk_full").isPresent());
            assertTrue(analyzer.patterns().byName("counts").isEmpty());
            assertTrue(analyzer.patterns().byName("deep").isEmpty());
            assertEquals(KafkaStreams.State.RUNNING, analyzer.state());
        }
    }

    @Test
    void shouldReplaceALibraryFileOnlyWhenThePublisherMarkedTheRecord() throws Exception {
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir).withApplicationId("vigil-replace-it");
        try (Analyzer analyzer = AnalyzerTestKit.started(config)) {
            publish("kernel.vigil", DISK.replace("disk_full", "disk_full_kernel"), false);
            publish("marker.vigil", DISK.replace("disk_full", "disk_full_marker"), false);

            // one partition: the marker published after it loaded, so the unmarked kernel.vigil was seen and refused
            await("the file published after the unmarked kernel.vigil to run").atMost(Duration.ofSeconds(60))
                    .until(() -> analyzer.patterns().byName("disk_full_marker").isPresent());
            assertTrue(analyzer.patterns().byName("kernel_oom_kill").isPresent(), "the built-in kernel.vigil stays");
            assertTrue(analyzer.patterns().byName("disk_full_kernel").isEmpty());

            publish("kernel.vigil", DISK.replace("disk_full", "disk_full_kernel"), true);

            await("the marked kernel.vigil to replace the library's").atMost(Duration.ofSeconds(60))
                    .until(() -> analyzer.patterns().byName("disk_full_kernel").isPresent());
            assertTrue(analyzer.patterns().byName("kernel_oom_kill").isEmpty());
        }
    }

    private static void publish(String name, String text) throws Exception {
        publish(name, text, false);
    }

    private static void publish(String name, String text, boolean replaceLibrary) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(VigilTopics.PATTERNS, name, text.getBytes(StandardCharsets.UTF_8));
            if (replaceLibrary) {
                record.headers().add(PatternFiles.REPLACE_LIBRARY_HEADER, "true".getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }
}
