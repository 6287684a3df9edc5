package dev.vigil.shippers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import dev.vigil.shippers.produce.SourceCounters;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bound on what a long Kafka outage can lose: reading pauses mid-file, the file is cut by a
 * copytruncate rotation, and what was on disk unread is gone. It is counted in the heartbeat, to
 * the byte: every byte of the file was either shipped or counted.
 */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RotatedUnreadIT {
    private static final String TOPIC = "events-rotated";
    private static final int BEFORE = 1_000;
    private static final int DURING = 20_000;

    @TempDir Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void shouldCountWhatACopytruncateCutUnreadWhileReadingWaitedForKafka() throws Exception {
        EmbeddedKafkaConfig brokerConfig = new EmbeddedKafkaConfig(dir.resolve("kafka"), freePort(), false);
        EmbeddedKafka broker = EmbeddedKafka.start(brokerConfig);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Path log = dir.resolve("app.log");
        NumberedLines.append(log, 0, BEFORE);
        long beforeBytes = Files.size(log);
        ShipperConfig config = ShipperConfig.defaults("web-1", dir.resolve("state"), broker.bootstrapServers())
                .withTopics(TOPIC, "dead-rotated")
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(JournaldSourceConfig.disabled())
                .withFiles(FileTailConfig.defaults(List.of(new FileInput(log.toString(), false))))
                .withIntervals(Duration.ofMillis(500), Duration.ofMillis(200))
                .withInFlightLimit(100, 32L * 1024 * 1024);

        try (Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> file(shipper).recordsSent() == BEFORE);
            broker.close();
            NumberedLines.append(log, BEFORE, BEFORE + DURING);
            long total = Files.size(log);
            await().atMost(Duration.ofSeconds(30)).until(() -> file(shipper).recordsRead() > BEFORE);
            // reading waits for Kafka with at most ~100 lines of the appended ones handed over; the
            // sizes are still sampled: wait until a sample saw the whole append
            await().atMost(Duration.ofSeconds(30)).until(() -> shipper.lagBytes("file").orElse(0)
                    >= total - beforeBytes - 200 * NumberedLines.line(0).length());
            try (FileChannel c = FileChannel.open(log, StandardOpenOption.WRITE)) {
                c.truncate(0); // logrotate's copytruncate, its copy outside the glob
            }
            broker = EmbeddedKafka.start(brokerConfig);
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), TOPIC)) {
                Predicate<Event> counted = e -> e.isShipperEvent("heartbeat")
                        && e.fields().containsKey("file.rotated_unread_bytes") && "0".equals(e.fields().get("file.lag_records"));
                List<Event> events = reader.readUntil(es -> es.stream().anyMatch(counted), Duration.ofSeconds(90));
                Event heartbeat = events.stream().filter(counted).findFirst().orElseThrow();
                long unread = Long.parseLong(heartbeat.fields().get("file.rotated_unread_bytes"));
                long shipped = events.stream().filter(e -> e.source() == Source.FILE && e.offset() >= beforeBytes)
                        .mapToLong(e -> e.message().getBytes(StandardCharsets.UTF_8).length
                                + (Boolean.TRUE.equals(e.partial()) ? 0 : 1))
                        .sum();
                assertEquals("1", heartbeat.fields().get("file.rotated_unread_files"));
                assertEquals(total - beforeBytes, shipped + unread, "every byte appended was shipped or counted lost");
            }
        } finally {
            broker.close();
        }
    }

    private static SourceCounters file(Shipper shipper) {
        return shipper.counters().get("file");
    }
}
