package dev.vigil.shippers.produce;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.TopicReader;
import dev.vigil.shippers.checkpoint.AckedPositions;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The acknowledgement-to-checkpoint path against a real broker. */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EventShipperIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final Instant T0 = Instant.parse("2026-03-14T02:11:07Z");

    @TempDir Path state;

    @Test
    void shouldCheckpointLastRecordOnlyOnceBrokerAcknowledgedItAndKeyByHost() throws Exception {
        String topic = "events-checkpoint";
        KAFKA.createTopic(topic, 2);
        CheckpointStore store = CheckpointStore.open(state);
        SourceMetrics metrics = new SourceMetrics("kmsg");
        try (Producer<String, byte[]> producer =
                new KafkaProducer<>(ProducerSettings.kafkaProperties(KAFKA.bootstrapServers(), new Properties()))) {
            EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(50, 1 << 20), topic, "dead-1",
                    EventShipper.DEFAULT_MAX_RECORD_BYTES);
            AckedPositions stream = shipper.stream("kmsg/boot-a");

            for (long seq = 1; seq <= 500; seq++) {
                shipper.ship(Event.builder("web-1", Source.KERNEL, T0.plusMillis(seq), "line " + seq).seq(seq).build(),
                        stream, Long.toString(seq), metrics);
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> store.position("kmsg/boot-a").equals(Optional.of("500")));
        }
        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), topic)) {
            List<Event> events = reader.readUntil(e -> e.size() >= 500, Duration.ofSeconds(30));
            assertEquals(LongStream.rangeClosed(1, 500).boxed().toList(),
                    events.stream().map(Event::seq).sorted().toList());
            assertEquals(List.of("web-1"), reader.records().stream().map(r -> r.key()).distinct().toList());
        }
        assertEquals(500, metrics.counters().recordsSent());
        assertEquals(Map.of("kmsg/boot-a", "500"), store.positionsStartingWith("kmsg/"));
    }
}
