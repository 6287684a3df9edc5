package dev.vigil.shippers.produce;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.TopicReader;
import dev.vigil.shippers.checkpoint.AckedPositions;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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

    @Test
    void shouldCutADeadLetterLargerThanTheTopicTakesAndMoveTheCheckpointPastIt() throws Exception {
        // before, Kafka refused it and its stream's checkpoint stayed before it for good
        String dead = "dead-large";
        KAFKA.createTopic(dead, 1, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                Integer.toString(VigilTopics.MAX_EVENT_MESSAGE_BYTES)));
        CheckpointStore store = CheckpointStore.open(state);
        SourceMetrics metrics = new SourceMetrics("journald");
        byte[] raw = new byte[9 * 1024 * 1024]; // base64 makes it 12 MiB
        new Random(5).nextBytes(raw);
        try (Producer<String, byte[]> producer =
                new KafkaProducer<>(ProducerSettings.kafkaProperties(KAFKA.bootstrapServers(), new Properties()))) {
            EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(50, 1 << 20), "events-dead",
                    dead, EventShipper.DEFAULT_MAX_RECORD_BYTES);
            shipper.deadLetter(new DeadLetter("web-1", Source.JOURNALD, "cursor=s1", "not JSON", raw, T0),
                    shipper.stream("journald/system"), "s1", metrics);

            await().atMost(Duration.ofSeconds(60)).until(() -> store.position("journald/system").equals(Optional.of("s1")));
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(VigilTopics.MAX_EVENT_MESSAGE_BYTES)),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(dead, 0)));
            List<byte[]> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return !values.isEmpty();
            });
            JsonNode letter = new ObjectMapper().readTree(values.get(0));
            assertEquals(raw.length, letter.get("raw_bytes").asInt());
            byte[] kept = Base64.getDecoder().decode(letter.get("raw_base64").asText());
            assertTrue(kept.length > 4 * 1024 * 1024, "kept " + kept.length + " bytes");
            assertArrayEquals(Arrays.copyOf(raw, kept.length), kept);
        }
        assertEquals(0, metrics.counters().drops());
    }
}
