package dev.vigil.analyzer.topology;

import static dev.vigil.analyzer.topology.AnalyzerTestKit.producer;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.scheduledRestart;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.send;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.started;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.faults.AnalyzerProcess;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The analyzer's local state across restarts on a real broker: a clean stop restarts warm (no
 * store rebuilt from its changelog), and after a kill -9 the rebuild is measured and bounded;
 * either way the open incident goes on under the same id, and events a shipper sends again after
 * the restart (same ids) are not counted twice.
 */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StateRestartIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    /** Seed 000: rivet-worker restarts every ~11 s, each run ending on the same import error. */
    private static final Instant LOOP_START = Instant.parse("2026-01-12T07:38:00Z");
    private static final Duration RESTART_SEC = Duration.ofSeconds(11);
    /**
     * A clean stop leaves the group and its stores' offsets: the next start is ready about as
     * fast as the first (a wiped task or a wait for the old member's session took 45 s and more).
     */
    private static final Duration CLEAN_RESTART_BOUND = Duration.ofSeconds(15);
    /**
     * After a kill -9 the old member is out of the group once its session times out (10 s) and
     * exactly-once rebuilds the stores from their changelogs: ready within this.
     */
    private static final Duration CRASH_RESTART_BOUND = Duration.ofSeconds(25);

    private static KafkaProducer<String, byte[]> producer;

    @TempDir
    Path dir;

    @BeforeAll
    static void createTopics() {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 2, (short) 1);
        }
        producer = producer(KAFKA.bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void shouldRestartWarmAfterACleanStopAndGoOnWithTheOpenIncident() throws Exception {
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), dir.resolve("streams"))
                .withApplicationId("vigil-clean-restart-it");
        try (Analyzer analyzer = started(config)) {
            sendRestarts("clean-1", 1, 6);
            awaitIncident("clean-1", 6);
        }
        long start = System.nanoTime();
        try (Analyzer again = started(config)) {
            Duration ready = Duration.ofNanos(System.nanoTime() - start);
            LoggerFactory.getLogger(StateRestartIT.class).info("Restart after a clean stop ready={} ms restoredRecords={}",
                    ready.toMillis(), again.restoredRecords());
            assertEquals(0, again.restoredRecords(), "a clean stop leaves the stores and their offsets on disk");
            assertTrue(ready.compareTo(CLEAN_RESTART_BOUND) < 0, "ready after " + ready);
            sendRestarts("clean-1", 4, 9); // 4 to 6 again, as a shipper restarting from an older checkpoint
            awaitCountAtTheLastEvent("clean-1", 9);
        }
        assertOneEpisode("clean-1");
    }

    @Test
    void shouldRestartWithinABoundAfterKillNineAndGoOnWithTheOpenIncident() throws Exception {
        Path state = dir.resolve("streams");
        String applicationId = "vigil-kill-restart-it";
        AnalyzerProcess child = AnalyzerProcess.start(dir, KAFKA.bootstrapServers(), state, applicationId);
        try {
            child.awaitRunning(Duration.ofSeconds(90));
            sendRestarts("kill-1", 1, 6);
            awaitIncident("kill-1", 6);
        } finally {
            child.killNine();
        }

        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), state).withApplicationId(applicationId);
        long start = System.nanoTime();
        try (Analyzer again = started(config)) {
            Duration ready = Duration.ofNanos(System.nanoTime() - start);
            LoggerFactory.getLogger(StateRestartIT.class).info("Restart after kill -9 ready={} ms restoredRecords={} restore={} ms",
                    ready.toMillis(), again.restoredRecords(), again.restoreTime().toMillis());
            assertTrue(ready.compareTo(CRASH_RESTART_BOUND) < 0, "ready after " + ready);
            sendRestarts("kill-1", 4, 9);
            awaitCountAtTheLastEvent("kill-1", 9);
        }
        assertOneEpisode("kill-1");
    }

    @Test
    void shouldLeaveATransactionItsCoordinatorStillRunsAlone() throws Exception {
        // the look for hanging transactions a stalled start makes must not abort one in flight
        String app = "vigil-hanging-it";
        String topic = app + "-vigil-hosts-changelog";
        try (Admin admin = KAFKA.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, app + "-1", ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
            try (KafkaProducer<String, String> txn = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                txn.initTransactions();
                txn.beginTransaction();
                txn.send(new ProducerRecord<>(topic, "clean-1", "clock")).get();

                assertEquals(List.of(), HangingTransactions.abortOnOwnTopics(admin, app, Duration.ZERO, Instant.now().plusSeconds(5)));
                txn.commitTransaction(); // still its own: not fenced, not aborted
            }
        }
    }

    @Test
    void shouldLeaveItsOwnTransactionsAloneWhenItLooksForHangingOnesWhileItRuns() throws Exception {
        // what a running analyzer does every few minutes, here over and over while it works through a
        // backlog whose records carry an old time: each transaction of its own open at a look is a
        // candidate (idle by its records' time) that its coordinator must vouch for
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), dir.resolve("streams"))
                .withApplicationId("vigil-running-check-it");
        int hosts = 20;
        int restarts = 30;
        try (Analyzer analyzer = started(config)) {
            for (int n = 1; n <= restarts; n++) {
                for (int h = 0; h < hosts; h++) {
                    Event e = scheduledRestart("running-" + h, LOOP_START.plus(RESTART_SEC.multipliedBy(n)), n);
                    producer.send(new ProducerRecord<>(VigilTopics.EVENTS, null, LOOP_START.toEpochMilli(), e.host(),
                            EventJson.toBytes(e)));
                }
            }
            producer.flush();
            List<HangingTransactions.Open> aborted = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                aborted.addAll(analyzer.abortHangingTransactions());
            }
            assertEquals(List.of(), aborted, "none of its own transactions is taken for a hanging one");
            awaitCountAtTheLastEvent("running-0", restarts);
        }
        assertOneEpisode("running-0");
    }

    private static void sendRestarts(String host, int from, int to) throws Exception {
        for (int n = from; n <= to; n++) {
            Instant at = LOOP_START.plus(RESTART_SEC.multipliedBy(n));
            send(producer, scheduledRestart(host, at, n));
        }
        producer.flush();
    }

    private static void awaitIncident(String host, long count) {
        await("restart_burst of " + host + " with count " + count).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> incidents(host).stream().anyMatch(i -> i.count() == count));
    }

    /** The incident once it has seen event {@code n}, the last sent, must have counted {@code n} events. */
    private static void awaitCountAtTheLastEvent(String host, int n) {
        Instant last = LOOP_START.plus(RESTART_SEC.multipliedBy(n));
        Incident i = await("restart_burst of " + host + " seen at event " + n).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> incidents(host).stream().filter(x -> x.lastSeen().equals(last)).findFirst().orElse(null),
                        x -> x != null);
        assertEquals(n, i.count(), "events sent again are counted once: " + i);
    }

    private static void assertOneEpisode(String host) {
        List<Incident> all = incidents(host);
        assertEquals(1, all.stream().map(Incident::id).distinct().count(), "one episode, one id: " + all);
    }

    private static List<Incident> incidents(String host) {
        return AnalyzerTestKit.incidents(KAFKA.bootstrapServers(), i -> i.type().equals("restart_burst") && i.host().equals(host));
    }
}
