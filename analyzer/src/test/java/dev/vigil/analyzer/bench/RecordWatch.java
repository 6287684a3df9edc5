package dev.vigil.analyzer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Follows a topic as its consumers do (read committed), on a thread of its own, and keeps every
 * record, read by {@code parse}, with the moment it arrived.
 */
final class RecordWatch<T> implements AutoCloseable {
    /** One record and when this consumer got it ({@link System#nanoTime}). */
    record Arrival<T>(String key, T value, long nanos) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Function<byte[], T> parse;
    private final List<Arrival<T>> arrivals = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts reading at the current end of the topic: records written before are not this run's. */
    RecordWatch(String bootstrap, String topic, Function<byte[], T> parse) {
        this.parse = parse;
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position); // fixes the start now, before anything is produced
        thread = new Thread(this::run, "bench-incident-watch");
        thread.start();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                Arrival<T> a = new Arrival<>(r.key(), parse.apply(r.value()), System.nanoTime());
                synchronized (arrivals) {
                    arrivals.add(a);
                }
            }
        }
        consumer.close();
    }

    /** Every record so far, in arrival order. */
    List<Arrival<T>> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** Waits until {@code done} holds for the records so far, at most {@code limit}; false when it did not. */
    boolean await(Predicate<List<Arrival<T>>> done, Duration limit) {
        try {
            Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> done.test(arrivals()));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
