package dev.vigil.analyzer.bench;

import static org.awaitility.Awaitility.await;

import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.broker.VigilTopics;
import dev.vigil.shippers.produce.ProducerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** One embedded broker with Vigil's topics, and the clients the benches use on it. */
final class BenchKafka implements AutoCloseable {
    private final EmbeddedKafka broker;
    private final Admin admin;
    private final int partitions;

    private BenchKafka(EmbeddedKafka broker, int partitions) {
        this.broker = broker;
        this.partitions = partitions;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** A broker on a free port with its data in {@code dir}, {@code vigil.events} on {@code partitions} partitions. */
    static BenchKafka start(Path dir, int partitions) {
        BenchKafka kafka = new BenchKafka(EmbeddedKafka.start(new EmbeddedKafkaConfig(dir, 0, false)), partitions);
        VigilTopics.ensure(kafka.admin, partitions, (short) 1);
        kafka.awaitLeaders();
        return kafka;
    }

    /**
     * Waits until every partition of {@code vigil.events} has its leader: an idempotent producer
     * whose first batches met a partition still without one (NOT_LEADER_OR_FOLLOWER) can go on
     * to retry them forever with OUT_OF_ORDER_SEQUENCE_NUMBER, and the bench never starts.
     */
    private void awaitLeaders() {
        await("a leader for every partition of " + VigilTopics.EVENTS).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                    TopicDescription d = admin.describeTopics(List.of(VigilTopics.EVENTS)).allTopicNames().get()
                            .get(VigilTopics.EVENTS);
                    return d.partitions().size() == partitions
                            && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                });
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    /** A producer set as the shipper's (idempotent, acks=all, lz4, linger 20 ms), keyed by host. */
    KafkaProducer<String, byte[]> producer() {
        Properties overrides = new Properties();
        overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        overrides.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-bench");
        return new KafkaProducer<>(ProducerSettings.kafkaProperties(bootstrap(), overrides));
    }

    /** Events in {@code vigil.events} that {@code group} has not committed yet. */
    long lag(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : endOffsets().entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            lag += end.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** The committed end of every partition of {@code vigil.events}. */
    Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(VigilTopics.EVENTS, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Deletes the consumer groups' offsets a run left, so a later run by that id starts afresh. */
    void forget(List<String> groups) throws Exception {
        admin.deleteConsumerGroups(groups).all().get();
    }

    @Override
    public void close() {
        admin.close();
        broker.close();
    }
}
