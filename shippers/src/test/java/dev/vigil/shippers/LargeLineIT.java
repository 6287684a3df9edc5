package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line as long as the default line cap, made of the bytes JSON escapes the most, reaches
 * {@code vigil.events} whole: topic, producer and shipper limits are sized for it.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LargeLineIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir Path dir;

    @Test
    void shouldDeliverAFullDefaultSizeLineOfControlCharactersUncut() throws Exception {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 2, (short) 1);
        }
        Path log = dir.resolve("app.log");
        FileTailConfig defaults = FileTailConfig.defaults(List.of(new FileInput(log.toString(), false)));
        // 0x01 is written as \u0001: six bytes of JSON for each byte of the line, the worst case
        byte[] line = new byte[defaults.maxLineBytes()];
        Arrays.fill(line, (byte) 0x01);
        try (OutputStream out = Files.newOutputStream(log)) {
            out.write(line);
            out.write("\nafter\n".getBytes(StandardCharsets.UTF_8));
        }
        ShipperConfig config = ShipperConfig.defaults("web-1", dir.resolve("state"), KAFKA.bootstrapServers())
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(JournaldSourceConfig.disabled())
                .withFiles(defaults)
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(200));

        List<ConsumerRecord<String, byte[]>> records;
        try (Shipper shipper = new Shipper(config, Clock.systemUTC());
                TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), VigilTopics.EVENTS)) {
            shipper.start();
            reader.readUntil(events -> events.stream().anyMatch(e -> e.message().equals("after")), Duration.ofSeconds(90));
            records = reader.records();
        }

        ConsumerRecord<String, byte[]> big = records.stream()
                .filter(r -> EventJson.parse(r.value()).offset() != null && EventJson.parse(r.value()).offset() == 0)
                .findFirst().orElseThrow();
        Event event = EventJson.parse(big.value());
        assertEquals(Source.FILE, event.source());
        assertEquals(new String(line, StandardCharsets.US_ASCII), event.message(), "the whole line, uncut");
        assertEquals(java.util.Set.of(), event.flags());
        assertTrue(big.value().length > 6 * line.length, "escaped to " + big.value().length + " bytes");
    }
}
