package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A structured logger's JSON-lines file through the file shipper and a real broker: one event per line, at the line's own time. */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JsonLinesShippingIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Real lines (see shippers/src/test/resources/structured/SOURCES): zap, pino, slog, bunyan. */
    private static final List<String> LINES = List.of(
            "{\"level\":\"info\",\"ts\":1745154644.746028,\"logger\":\"supervisor\",\"caller\":\"supervisor/supervisor.go:340\",\"msg\":\"Supervisor starting\",\"id\":\"01965352-9958-72da-905c-e40329c32c64\"}",
            "{\"level\":30,\"time\":1531171074631,\"msg\":\"hello world\",\"pid\":657,\"hostname\":\"Davids-MBP-3.fritz.box\"}",
            "{\"time\":\"2022-11-08T15:28:26.000000000-05:00\",\"level\":\"INFO\",\"msg\":\"hello\",\"count\":3}",
            "{\"name\":\"myapp\",\"hostname\":\"banana.local\",\"pid\":40161,\"level\":30,\"msg\":\"hi\",\"time\":\"2013-01-04T18:46:23.851Z\",\"v\":0}");

    @TempDir Path dir;

    @Test
    void shouldShipEachJsonLineAsOneEventAtItsOwnTime() throws Exception {
        String topic = "events-json-lines";
        KAFKA.createTopic(topic, 2);
        Path log = dir.resolve("app.log");
        Files.writeString(log, String.join("\n", LINES) + "\n", StandardCharsets.UTF_8);
        FileTailConfig files = new FileTailConfig(List.of(FileInput.of(log.toString())), Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(60), 1024 * 1024, ZoneId.of("UTC"));
        ShipperConfig config = ShipperConfig.defaults("web-1", dir.resolve("state"), KAFKA.bootstrapServers())
                .withTopics(topic, topic + "-dead")
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(JournaldSourceConfig.disabled())
                .withFiles(files)
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(200));

        List<Event> shipped;
        try (Shipper shipper = new Shipper(config, Clock.systemUTC());
                TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), topic)) {
            shipper.start();
            shipped = reader.readUntil(events -> events.stream().filter(e -> e.source() == Source.FILE).count() >= LINES.size(), WAIT)
                    .stream().filter(e -> e.source() == Source.FILE).sorted((a, b) -> Long.compare(a.offset(), b.offset())).toList();
        }

        assertEquals(LINES, shipped.stream().map(Event::message).toList());
        assertEquals(List.of(Instant.parse("2025-04-20T13:10:44.746028Z"), Instant.parse("2018-07-09T21:17:54.631Z"),
                Instant.parse("2022-11-08T20:28:26Z"), Instant.parse("2013-01-04T18:46:23.851Z")),
                shipped.stream().map(Event::ts).toList());
    }
}
