package dev.vigil.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedKafkaIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTopicsAndRecordsAcrossRestartOnTheSameDataDir() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(dataDir, 0, false))) {
            try (Admin admin = admin(kafka)) {
                VigilTopics.ensure(admin, 2, (short) 1);
            }
            produce(kafka, VigilTopics.EVENTS, "host-a", "{\"message\":\"Ünïcode line\"}");
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(dataDir, 0, false))) {
            List<ConsumerRecord<String, String>> records = consumeAll(kafka, VigilTopics.EVENTS, 1);
            assertEquals(1, records.size());
            assertEquals("host-a", records.get(0).key());
            assertEquals("{\"message\":\"Ünïcode line\"}", records.get(0).value());
        }
    }

    @Test
    void shouldCreateVigilTopicsWithCompactionWhereDesignSaysSo() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(dataDir, 0, false));
                Admin admin = admin(kafka)) {
            VigilTopics.ensure(admin, 3, (short) 1);
            VigilTopics.ensure(admin, 3, (short) 1); // second call is a no-op, not an error

            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertTrue(names.containsAll(Set.of(VigilTopics.EVENTS, VigilTopics.INCIDENTS,
                    VigilTopics.PATTERNS, VigilTopics.DEADLETTER)), names.toString());
            assertEquals(3, admin.describeTopics(List.of(VigilTopics.EVENTS)).allTopicNames().get()
                    .get(VigilTopics.EVENTS).partitions().size());
            assertEquals("compact", cleanupPolicy(admin, VigilTopics.INCIDENTS));
            assertEquals("compact", cleanupPolicy(admin, VigilTopics.PATTERNS));
            assertEquals("delete", cleanupPolicy(admin, VigilTopics.EVENTS));
            assertEquals("8388608", topicConfig(admin, VigilTopics.EVENTS, "max.message.bytes"));
            assertEquals("8388608", topicConfig(admin, VigilTopics.DEADLETTER, "max.message.bytes"));
        }
    }

    @Test
    void shouldRaiseTheMessageLimitOfAnEventTopicCreatedWithTheDefault() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(dataDir, 0, false));
                Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(VigilTopics.EVENTS, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertEquals("1048588", topicConfig(admin, VigilTopics.EVENTS, "max.message.bytes"), "Kafka's default");

            VigilTopics.ensure(admin, 2, (short) 1);

            assertEquals("8388608", topicConfig(admin, VigilTopics.EVENTS, "max.message.bytes"));
            assertEquals(2, admin.describeTopics(List.of(VigilTopics.EVENTS)).allTopicNames().get()
                    .get(VigilTopics.EVENTS).partitions().size(), "partitions left as they were");
        }
    }

    @Test
    void shouldRefuseABusyPortWithAMessageNamingTheOption() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(dataDir, 0, false))) {
            int busy = Integer.parseInt(kafka.bootstrapServers().split(":")[1]);
            Path other = Files.createDirectories(dataDir.resolve("other"));
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> EmbeddedKafka.start(new EmbeddedKafkaConfig(other, busy, false)));
            assertTrue(e.getMessage().contains("--kafka-port"), e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(busy)), e.getMessage());
            assertFalse(Files.exists(other.resolve("kraft")), "nothing formatted for a refused start");
        }
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        return topicConfig(admin, topic, "cleanup.policy");
    }

    private static String topicConfig(Admin admin, String topic, String name) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry e = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r).get(name);
        return e.value();
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static void produce(EmbeddedKafka kafka, String topic, String key, String value) throws Exception {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> p = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(EmbeddedKafka kafka, String topic, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

}
