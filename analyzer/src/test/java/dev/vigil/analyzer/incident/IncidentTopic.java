package dev.vigil.analyzer.incident;

import dev.vigil.broker.VigilTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what is on {@code vigil.incidents}, for integration tests. */
public final class IncidentTopic {
    private IncidentTopic() {}

    /** Every committed incident record on the topic, in the order read, polling for about {@code window}. */
    public static List<Incident> readAll(String bootstrapServers, Duration window) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Incident> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(VigilTopics.INCIDENTS));
            long deadline = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(r -> out.add(IncidentJson.parse(r.value())));
            }
        }
        return out;
    }
}
