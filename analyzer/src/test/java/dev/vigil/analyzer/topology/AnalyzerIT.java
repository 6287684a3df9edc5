package dev.vigil.analyzer.topology;

import static dev.vigil.analyzer.topology.AnalyzerTestKit.awaitSignatureIncident;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.fileLine;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.producer;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.scheduledRestart;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.send;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.started;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.incident.IncidentTopic;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The live analyzer on a real broker: an episode survives a restart, and patterns reload without one. */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyzerIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    /** Seed 000: rivet-worker restarts every ~11 s, each run ending on the same import error. */
    private static final Instant LOOP_START = Instant.parse("2026-01-12T07:38:00Z");
    private static final Duration RESTART_SEC = Duration.ofSeconds(11);

    private static KafkaProducer<String, byte[]> producer;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void createTopics() {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 2, (short) 1); // two partitions, as a trap for per-host state
        }
        producer = producer(KAFKA.bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    @Order(1)
    void shouldContinueTheSameCrashLoopIncidentAfterTheAnalyzerRestarts() throws Exception {
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir.resolve("first"));
        try (Analyzer analyzer = started(config)) {
            sendRestarts(1, 6);
            awaitIncident("restart_burst", 6);
        }
        // a new state dir: the episode must come back from the changelog, not from local files
        try (Analyzer again = new Analyzer(config.withApplicationId(config.applicationId()).withStateDir(stateDir.resolve("second")))) {
            again.start();
            assertTrue(again.awaitRunning(Duration.ofSeconds(90)), "analyzer running after restart");
            sendRestarts(7, 9);
            awaitIncident("restart_burst", 9);
        }
        List<Incident> all = incidents().stream().filter(i -> i.type().equals("restart_burst")).toList();
        assertEquals(1, all.stream().map(Incident::id).distinct().count(), "one episode, one id: " + all);
        assertEquals(5, all.get(0).count(), "opened when the fifth restart crossed the threshold");
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).count() > all.get(i - 1).count(), "counts only grow: " + all);
        }
        assertTrue(all.get(all.size() - 1).summary().contains("No module named 'asyncpg'"), all.get(all.size() - 1).summary());
    }

    @Test
    @Order(2)
    void shouldRunAPublishedPatternWithoutARestartAndKeepItWhenABrokenSetFollows() throws Exception {
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir).withApplicationId("vigil-reload-it");
        try (Analyzer analyzer = started(config)) {
            publish("disk.vigil", """
                    pattern disk_full {
                      match file where message contains "No space left on device"
                      group by file
                      type disk_full
                      severity critical
                      subject "{file}"
                      summary "{file}: disk full"
                    }
                    """);
            await("the published pattern to be running").atMost(Duration.ofSeconds(60))
                    .until(() -> analyzer.patterns().byName("disk_full").isPresent());
            publish("broken.vigil", "pattern broken { match file where mesage contains \"x\" type t summary \"s\" }");
            send(producer, webLine("/var/log/app.log", Instant.parse("2026-03-01T10:00:00Z"), 0,
                    "OSError: [Errno 28] No space left on device"));

            Incident disk = awaitIncident("disk_full", 1);
            assertEquals("/var/log/app.log: disk full", disk.summary());
            assertTrue(analyzer.patterns().byName("broken").isEmpty(), "the broken set was refused");
            assertTrue(analyzer.patterns().byName("disk_full").isPresent(), "the running set stayed");
        }
    }

    @Test
    @Order(3)
    void shouldKeepRunningWhenAHostClockRunsHoursAhead() throws Exception {
        // the broker refuses records stamped more than an hour ahead (message.timestamp.after.max.ms):
        // event time must not become the timestamp of changelog or output records
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir).withApplicationId("vigil-clock-it");
        try (Analyzer analyzer = started(config)) {
            Instant ahead = Instant.now().plus(Duration.ofHours(3));
            send(producer, Event.builder("fast-clock", Source.KERNEL, ahead,
                    "Out of memory: Killed process 4242 (java) total-vm:100kB, "
                    + "anon-rss:50kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:4kB oom_score_adj:0")
                    .id(EventIds.of("fast-clock", Source.KERNEL, "b9", "1")).build());

            Incident kill = await("the OOM kill from a host 3 h ahead").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> incidents().stream().filter(i -> i.host().equals("fast-clock")).findFirst().orElse(null),
                            i -> i != null);
            assertEquals("java", kill.subject());
            assertEquals(org.apache.kafka.streams.KafkaStreams.State.RUNNING, analyzer.state());
        }
    }

    @Test
    @Order(4)
    void shouldGiveTheSameTemplateTheSameSignatureIdOnHostsInOtherTasks() throws Exception {
        // two hosts on the two partitions: a miner per task would learn "user <*>" in the task of
        // the host that saw four users and file "user erin" of the other host under another id
        String hostA = "sig-a";
        String hostB = hostOnOtherPartition(hostA);
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir).withApplicationId("vigil-signature-it");
        try (Analyzer analyzer = started(config)) {
            Instant at = Instant.parse("2026-03-02T09:00:00Z");
            int offset = 0;
            for (String user : List.of("alice", "bob", "carol", "dave")) {
                send(producer, fileLine(hostA, "/srv/auth/auth.log", at.plusSeconds(offset), offset++,
                        "ERROR login for user " + user + " failed: account locked"));
            }
            Incident a = awaitSignatureIncident(KAFKA.bootstrapServers(), hostA);
            // the other task has never mined this template: it must still call it by the same id
            for (int n = 0; n < 2; n++) {
                send(producer, fileLine(hostB, "/srv/auth/auth.log", at.plusSeconds(offset), offset++,
                        "ERROR login for user erin failed: account locked"));
            }
            Incident b = awaitSignatureIncident(KAFKA.bootstrapServers(), hostB);
            assertEquals("ERROR login for user <*> failed: account locked", a.summary().substring(a.summary().indexOf("ERROR")),
                    a.summary());
            assertEquals(a.signature(), b.signature(), "one template, one id, whichever task mined it: " + a + " / " + b);
        }
    }

    @Test
    @Order(5)
    void shouldDeadLetterARecordOfSeveralMebibytesAndKeepRunning() throws Exception {
        // vigil.events takes records up to 8 MiB; a bad one must not stop the analyzer
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir).withApplicationId("vigil-big-it");
        try (Analyzer analyzer = started(config)) {
            byte[] garbage = "not json ".repeat(400_000).getBytes(StandardCharsets.UTF_8); // 3.4 MiB
            producer.send(new ProducerRecord<>(VigilTopics.EVENTS, "big-host", garbage)).get(30, TimeUnit.SECONDS);
            send(producer, fileLine("big-host", "/var/log/app.log", Instant.parse("2026-03-01T10:00:00Z"), 0,
                    "OSError: [Errno 28] No space left on device"));

            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
            try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> c = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                    Map.of(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                            org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "it-big",
                            org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                            org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                            org.apache.kafka.clients.consumer.ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20,
                            org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 << 20),
                    new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                c.subscribe(List.of(VigilTopics.DEADLETTER));
                await("the dead letter of the big record").atMost(Duration.ofSeconds(60)).until(() -> {
                    c.poll(Duration.ofMillis(500)).forEach(letters::add);
                    return letters.stream().anyMatch(r -> "big-host".equals(r.key()));
                });
            }
            String letter = new String(letters.stream().filter(r -> "big-host".equals(r.key())).findFirst().orElseThrow().value(),
                    StandardCharsets.UTF_8);
            assertTrue(letter.contains("not valid JSON") || letter.contains("JSON"), letter.substring(0, 300));
            assertTrue(letter.contains("copy cut to the first 1048576 of 3600000 bytes"), "the letter says its copy is cut: " + letter.substring(0, 300));
            assertEquals(org.apache.kafka.streams.KafkaStreams.State.RUNNING, analyzer.state());
        }
    }

    @Test
    @Order(6)
    void shouldRedactAnIncidentsEvidenceWithTheRedactRuleOfAPublishedFile() throws Exception {
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir).withApplicationId("vigil-redact-it");
        try (Analyzer analyzer = started(config)) {
            publish("payroll.vigil", """
                    redact employee-id /\\bEMP-(\\d{2})\\d{4}\\b/ replace "EMP-$1****"

                    pattern payroll_export_failed {
                      match file where message contains "payroll export failed"
                      group by file
                      type payroll_export_failed
                      subject "{file}"
                      summary "{file}: payroll export failed"
                    }
                    """);
            await("the published pattern and its rule to be running").atMost(Duration.ofSeconds(60))
                    .until(() -> analyzer.patterns().byName("payroll_export_failed").isPresent());
            send(producer, webLine("/var/log/payroll.log", Instant.parse("2026-03-02T09:00:00Z"), 0,
                    "payroll export failed for EMP-421337 db_password=hunter2"));

            Incident incident = awaitIncident("payroll_export_failed", 1);
            assertEquals(List.of("payroll export failed for EMP-42**** db_password=***"),
                    incident.evidence().stream().map(Incident.Evidence::message).toList());
            assertTrue(!IncidentJson.toJson(incident).contains("421337"), IncidentJson.toJson(incident));
        }
    }

    @Test
    @Order(7)
    void shouldLeaveTheLinesOfAFullDiskToDiskFullNotCountThemAsARepeatedError() throws Exception {
        // no_space_left_on_device claims its lines: journal_error_signature, which counts ten errors
        // of one template in a unit's journal, must leave them and still count the errors nobody claims
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir).withApplicationId("vigil-claim-it");
        String host = "claim-1";
        try (Analyzer analyzer = started(config)) {
            Instant at = Instant.parse("2026-03-03T09:00:00Z");
            for (int n = 0; n < 10; n++) {
                // https://github.com/dokku/dokku-postgres/issues/150 (PostgreSQL 9.6.4, Jul 2018)
                send(producer, Event.builder(host, Source.JOURNALD, at.plusSeconds(60L * n),
                                "ERROR:  could not extend file \"base/16384/16492\": No space left on device")
                        .id(EventIds.of(host, Source.JOURNALD, "b7", "full-" + n)).unit("postgresql@9.6-main.service")
                        .identifier("postgres").priority(3).build());
                // seed 000: the error that ended every run of rivet-worker.service
                send(producer, Event.builder(host, Source.JOURNALD, at.plusSeconds(60L * n + 30), "ModuleNotFoundError: No module named 'asyncpg'")
                        .id(EventIds.of(host, Source.JOURNALD, "b7", "import-" + n)).unit("rivet-worker.service")
                        .identifier("python3").priority(3).build());
            }
            producer.flush();

            Incident imports = awaitSignatureIncident(KAFKA.bootstrapServers(), host);
            assertTrue(imports.summary().contains("No module named"), imports.summary());
            await("the full disk's incident").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> incidents().stream().anyMatch(i -> i.host().equals(host) && i.pattern().equals("no_space_left_on_device")));
            List<Incident> signatures = incidents().stream()
                    .filter(i -> i.host().equals(host) && i.type().equals("error_signature")).toList();
            assertTrue(signatures.stream().noneMatch(i -> i.summary().contains("No space left")), signatures.toString());
        }
    }

    private static void sendRestarts(int from, int to) throws Exception {
        for (int n = from; n <= to; n++) {
            Instant at = LOOP_START.plus(RESTART_SEC.multipliedBy(n));
            send(producer, Event.builder("vps-1", Source.JOURNALD, at.minusSeconds(1), "ModuleNotFoundError: No module named 'asyncpg'")
                    .id(EventIds.of("vps-1", Source.JOURNALD, "b1", "err-" + n)).unit("rivet-worker.service").priority(3)
                    .build());
            send(producer, scheduledRestart("vps-1", at, n));
        }
        producer.flush();
    }

    private static Event webLine(String file, Instant at, long offset, String message) {
        return fileLine("web-1", file, at, offset, message);
    }

    /** A host name that the default partitioner puts on the other of the two partitions. */
    private static String hostOnOtherPartition(String host) {
        int partition = partitionOf(host);
        for (int n = 0; ; n++) {
            String other = host + "-" + n;
            if (partitionOf(other) != partition) {
                return other;
            }
        }
    }

    private static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 2;
    }

    private static void publish(String name, String text) throws Exception {
        producer.send(new ProducerRecord<>(VigilTopics.PATTERNS, name, text.getBytes(StandardCharsets.UTF_8)))
                .get(30, TimeUnit.SECONDS);
    }

    private static Incident awaitIncident(String type, long count) {
        return await(type + " incident with count " + count).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> incidents().stream().filter(i -> i.type().equals(type) && i.count() == count).findFirst()
                        .orElse(null), i -> i != null);
    }

    private static List<Incident> incidents() {
        List<Incident> out = new ArrayList<>(IncidentTopic.readAll(KAFKA.bootstrapServers(), Duration.ofSeconds(5)));
        out.sort((a, b) -> Long.compare(a.count(), b.count()));
        return out;
    }
}
