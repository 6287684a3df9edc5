package dev.vigil.shippers;

import static org.awaitility.Awaitility.await;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic back from a real broker, for tests. */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        // a topic just created may not be in the metadata yet: partitionsFor then gives no partition,
        // and a consumer assigned none cannot poll
        List<TopicPartition> partitions = await("partitions of " + topic).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList(), found -> !found.isEmpty());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code done} holds for the events read so far, or fails after {@code atMost}. */
    public List<Event> readUntil(Predicate<List<Event>> done, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ZERO).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                records.add(r);
                events.add(EventJson.parse(r.value()));
            });
            return done.test(events);
        });
        return events();
    }

    /**
     * Polls until {@code done} holds, handing each new record to {@code sink} and keeping none (for
     * topics too large to hold as events), or fails after {@code atMost}.
     */
    public void drainUntil(Consumer<ConsumerRecord<String, byte[]>> sink, BooleanSupplier done, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ZERO).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(sink);
            return done.getAsBoolean();
        });
    }

    /** Every record read so far, as events. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Every record read so far. */
    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
