package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.broker.PollingThread;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code vigil.incidents} on a thread of its own and hands each record to a consumer.
 * The start position is fixed in the constructor, so nothing written after construction is missed.
 */
final class IncidentFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IncidentFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<Incident> sink;
    private final Thread thread;

    IncidentFollower(String bootstrapServers, Map<String, String> clientProperties, String topic,
            boolean fromBeginning, Consumer<Incident> sink) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // only committed incidents: the analyzer writes them in transactions
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.sink = sink;
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // resolve the lazy seek now, not at first poll
        this.thread = new Thread(this::run, "vigil-incident-follower");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    deliver(r);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(PollingThread.CLOSE_TIMEOUT);
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return; // a tombstone: the incident was deleted by compaction policy
        }
        try {
            sink.accept(IncidentJson.parse(r.value()));
        } catch (IllegalArgumentException e) {
            log.warn("Skipped unreadable incident topic={} partition={} offset={} reason=\"{}\"",
                    r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        PollingThread.stop(thread, consumer, Duration.ofSeconds(5));
    }
}
