package dev.vigil.shippers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ShipperTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T02:11:07Z"), ZoneOffset.UTC);

    @TempDir Path dir;

    private ShipperConfig config() {
        Path log = dir.resolve("app.log");
        return ShipperConfig.defaults("web-1", dir.resolve("state"), "localhost:1")
                .withKmsg(new KmsgSourceConfig(true, dir.resolve("no-kmsg"), dir.resolve("no-proc")))
                .withJournald(new JournaldSourceConfig(true, dir.resolve("no-journalctl"), null, List.of()))
                .withFiles(FileTailConfig.defaults(List.of(new FileInput(log.toString(), false))))
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(50));
    }

    private static List<Event> events(MockProducer<String, byte[]> producer) {
        return producer.history().stream().map(r -> EventJson.parse(r.value())).toList();
    }

    @Test
    void shouldShipFilesWithoutUnavailableSourcesAndHeartbeatListingActiveOnes() throws IOException {
        Files.writeString(dir.resolve("app.log"), "hello\n");
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

        try (Shipper shipper = new Shipper(config(), CLOCK, producer)) {
            shipper.start();

            assertEquals(List.of("file"), shipper.activeSources());
            await().atMost(Duration.ofSeconds(20)).until(() -> events(producer).size() >= 2);
            Event heartbeat = events(producer).stream().filter(e -> e.isShipperEvent("heartbeat")).findFirst().orElseThrow();
            assertEquals("file", heartbeat.fields().get("sources"));
            assertEquals("heartbeat: sources file", heartbeat.message());
            Event line = events(producer).stream().filter(e -> e.source() == Source.FILE).findFirst().orElseThrow();
            assertEquals("hello", line.message());
            await().atMost(Duration.ofSeconds(20)).until(() -> shipper.counters().get("file").recordsSent() == 1);
        }
    }

    @Test
    void shouldWriteCheckpointOnCloseSoRestartDoesNotResend() throws IOException {
        Files.writeString(dir.resolve("app.log"), "hello\n");
        MockProducer<String, byte[]> first = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        try (Shipper shipper = new Shipper(config(), CLOCK, first)) {
            shipper.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> shipper.counters().get("file").recordsSent() == 1);
        }
        Files.writeString(dir.resolve("app.log"), "again\n", java.nio.file.StandardOpenOption.APPEND);
        MockProducer<String, byte[]> second = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

        try (Shipper shipper = new Shipper(config(), CLOCK, second)) {
            shipper.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> shipper.counters().get("file").recordsSent() == 1);
        }

        assertEquals(Optional.of("again"), events(second).stream().filter(e -> e.source() == Source.FILE)
                .map(Event::message).findFirst());
    }

    @Test
    void shouldRefuseSecondShipperOnSameStateFolder() throws IOException {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        try (Shipper shipper = new Shipper(config(), CLOCK, producer);
                Shipper other = new Shipper(config(), CLOCK, producer)) {
            shipper.start();

            IOException e = assertThrows(IOException.class, other::start);

            assertTrue(e.getMessage().startsWith("another shipper is using state folder"), e.getMessage());
        }
    }

    @Test
    void shouldReportEveryConfigProblemAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShipperConfig.defaults("", dir, ""));

        assertEquals("invalid shipper config: host: must not be empty; bootstrapServers: must not be empty",
                e.getMessage());
    }
}
