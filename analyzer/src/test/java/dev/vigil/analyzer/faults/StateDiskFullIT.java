package dev.vigil.analyzer.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentTopic;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer's state folder fills up (a 24 MiB tmpfs, then a file that takes all of it): the
 * {@code vigil analyze} process stops with a clear error instead of looking alive, and once there is
 * room again it starts on the same folder and goes on with the open incident under the same id.
 * Needs root (to mount the tmpfs); skipped with a message otherwise.
 */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StateDiskFullIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final Instant LOOP_START = Instant.now().minus(Duration.ofMinutes(30));
    private static final String HOST = "disk-1";
    /** Seed 000's error line; repeated with a long payload, so the unit's cause ring makes the stores grow fast. */
    private static final String ERROR = "ModuleNotFoundError: No module named 'asyncpg'";

    @TempDir
    Path dir;

    private Path state;

    @AfterEach
    void unmount() throws Exception {
        if (state != null) {
            new ProcessBuilder("umount", "-l", state.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldStopWithAClearErrorWhenTheStateDiskIsFullAndGoOnOnceThereIsRoom() throws Exception {
        state = mountSmallTmpfs();
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 1, (short) 1);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            AnalyzerProcess analyzer = AnalyzerProcess.start(dir, KAFKA.bootstrapServers(), state, "vigil-disk-full-it");
            analyzer.awaitRunning(Duration.ofSeconds(90));
            sendRestarts(producer, 1, 6);
            awaitIncident(6);

            Path filler = fill(state);
            OptionalInt exit = OptionalInt.empty();
            for (int n = 0; n < 20_000 && exit.isEmpty(); n++) {
                send(producer, Event.builder(HOST, Source.JOURNALD, LOOP_START.plusSeconds(70).plusMillis(n),
                                ERROR + " " + "x".repeat(8000) + n)
                        .id(EventIds.of(HOST, Source.JOURNALD, "b1", "err-" + n)).unit("rivet-worker.service").priority(3)
                        .build());
                if (n % 500 == 499) {
                    producer.flush();
                    exit = analyzer.awaitExit(Duration.ofSeconds(2));
                }
            }
            if (exit.isEmpty()) {
                exit = analyzer.awaitExit(Duration.ofSeconds(60));
            }
            assertEquals(OptionalInt.of(1), exit, "the analyzer process stops instead of looking alive");
            String out = analyzer.output();
            assertTrue(out.contains("vigil: error: the analyzer stopped: ") && out.contains("No space left on device"),
                    "a clear error: " + out.lines().filter(l -> l.startsWith("vigil:")).toList());

            Files.delete(filler);
            AnalyzerProcess again = AnalyzerProcess.start(dir, KAFKA.bootstrapServers(), state, "vigil-disk-full-it");
            try {
                again.awaitRunning(Duration.ofSeconds(120));
                sendRestarts(producer, 7, 8);
                awaitIncident(8);
            } finally {
                again.stop();
            }
        }
        List<Incident> all = incidents();
        assertEquals(1, all.stream().map(Incident::id).distinct().count(), "one episode, one id: " + all);
    }

    /** A 24 MiB tmpfs in the test's folder, or the test is skipped: mounting needs root. */
    private Path mountSmallTmpfs() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("state"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs (needs root and CAP_SYS_ADMIN): "
                + new String(p.getInputStream().readAllBytes()).strip());
        return mount;
    }

    /** Writes a file until the disk is full; returns it. */
    private static Path fill(Path mount) throws IOException {
        Path filler = mount.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw full;
            }
        }
        return filler;
    }

    private static void sendRestarts(KafkaProducer<String, byte[]> producer, int from, int to) throws Exception {
        for (int n = from; n <= to; n++) {
            send(producer, Event.builder(HOST, Source.JOURNALD, LOOP_START.plusSeconds(11L * n),
                            "rivet-worker.service: Scheduled restart job, restart counter is at " + n + ".")
                    .id(EventIds.of(HOST, Source.JOURNALD, "b1", "restart-" + n)).unit("rivet-worker.service")
                    .messageId("5eb03494b6584870a536b337290809b3").priority(5).build());
        }
        producer.flush();
    }

    private static void send(KafkaProducer<String, byte[]> producer, Event e) {
        producer.send(new ProducerRecord<>(VigilTopics.EVENTS, e.host(), EventJson.toBytes(e)));
    }

    private static void awaitIncident(long count) {
        await("restart_burst with count " + count).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> incidents().stream().anyMatch(i -> i.count() == count));
    }

    private static List<Incident> incidents() {
        return IncidentTopic.readAll(KAFKA.bootstrapServers(), Duration.ofSeconds(5)).stream()
                .filter(i -> i.type().equals("restart_burst") && i.host().equals(HOST)).toList();
    }
}
