package dev.vigil.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The authenticated embedded broker: who may connect, and who may write and read which topic. */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedKafkaSecurityIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.authenticated();

    private static Path dataDir;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void createTopics() {
        kafka = KAFKA.broker();
        dataDir = kafka.dataDir().getParent();
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 1, (short) 1);
        }
    }

    @Test
    void shouldRefuseAClientThatDoesNotLogIn() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        try (Admin anonymous = Admin.create(props)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS));
            assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, e.getCause(),
                    "a plaintext client gets no answer from a SASL listener");
        }
    }

    @Test
    void shouldRefuseAWrongPassword() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties(VigilPrincipal.SHIPPER));
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"shipper\" password=\"guessed\";");
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin guesser = Admin.create(props)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> guesser.listTopics().names().get(30, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
    }

    @Test
    void shouldLetTheShipperWriteEventsButNotPatterns() throws Exception {
        try (KafkaProducer<String, String> shipper = producer(VigilPrincipal.SHIPPER)) {
            RecordMetadata sent = shipper.send(new ProducerRecord<>(VigilTopics.EVENTS, "h", "{}")).get(30, TimeUnit.SECONDS);
            assertEquals(VigilTopics.EVENTS, sent.topic());
            ExecutionException e = assertThrows(ExecutionException.class, () -> shipper.send(
                    new ProducerRecord<>(VigilTopics.PATTERNS, "kernel.vigil", "")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, e.getCause());
            assertEquals(Set.of(VigilTopics.PATTERNS), ((TopicAuthorizationException) e.getCause()).unauthorizedTopics());
        }
    }

    @Test
    void shouldNotLetTheShipperReadEvents() {
        try (KafkaConsumer<String, String> shipper = consumer(VigilPrincipal.SHIPPER)) {
            shipper.assign(List.of(new TopicPartition(VigilTopics.EVENTS, 0)));
            shipper.seekToBeginning(shipper.assignment());
            assertThrows(TopicAuthorizationException.class, () -> shipper.poll(Duration.ofSeconds(10)));
        }
    }

    @Test
    void shouldLetTheAnalyzerReadEventsButNotWritePatterns() throws Exception {
        try (KafkaProducer<String, String> shipper = producer(VigilPrincipal.SHIPPER)) {
            shipper.send(new ProducerRecord<>(VigilTopics.EVENTS, "h", "{\"m\":1}")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> analyzer = consumer(VigilPrincipal.ANALYZER)) {
            analyzer.assign(List.of(new TopicPartition(VigilTopics.EVENTS, 0)));
            analyzer.seekToBeginning(analyzer.assignment());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int read = 0;
            while (read == 0 && System.nanoTime() < deadline) {
                read += analyzer.poll(Duration.ofMillis(500)).count();
            }
            assertEquals(true, read > 0, "the analyzer reads vigil.events");
        }
        try (KafkaProducer<String, String> analyzer = producer(VigilPrincipal.ANALYZER)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> analyzer.send(
                    new ProducerRecord<>(VigilTopics.PATTERNS, "kernel.vigil", "")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, e.getCause());
        }
    }

    @Test
    void shouldLetTheOperatorPublishPatterns() throws Exception {
        try (KafkaProducer<String, String> operator = producer(VigilPrincipal.OPERATOR)) {
            RecordMetadata sent = operator.send(new ProducerRecord<>(VigilTopics.PATTERNS, "site.vigil", "pattern x {}"))
                    .get(30, TimeUnit.SECONDS);
            assertEquals(VigilTopics.PATTERNS, sent.topic());
        }
    }

    @Test
    void shouldKeepCredentialsAndDataOwnerOnly() throws Exception {
        Path credentials = BrokerCredentials.dirOf(dataDir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        for (VigilPrincipal p : VigilPrincipal.values()) {
            Path file = credentials.resolve(p.userName() + ".properties");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
        assertEquals(kafka.clientProperties(VigilPrincipal.SHIPPER),
                BrokerCredentials.clientPropertiesIn(dataDir, VigilPrincipal.SHIPPER).orElseThrow(),
                "a command finds the shipper's login in the data folder");
    }

    @Test
    void shouldTakeOverADataFolderOfABrokerThatRanWithoutAuthentication(@TempDir Path old) throws Exception {
        try (EmbeddedKafka open = EmbeddedKafka.start(new EmbeddedKafkaConfig(old, 0, false))) {
            try (Admin admin = open.admin(VigilPrincipal.OPERATOR)) {
                VigilTopics.ensure(admin, 1, (short) 1);
            }
            try (KafkaProducer<String, String> p = producer(open, VigilPrincipal.SHIPPER)) {
                p.send(new ProducerRecord<>(VigilTopics.EVENTS, "h", "before")).get(30, TimeUnit.SECONDS);
            }
        }
        try (EmbeddedKafka secured = EmbeddedKafka.start(new EmbeddedKafkaConfig(old, 0, false, true));
                KafkaProducer<String, String> shipper = producer(secured, VigilPrincipal.SHIPPER)) {
            assertEquals(1L, shipper.send(new ProducerRecord<>(VigilTopics.EVENTS, "h", "after")).get(30, TimeUnit.SECONDS)
                    .offset(), "the old data is there, and the shipper logs in");
            ExecutionException e = assertThrows(ExecutionException.class, () -> shipper.send(
                    new ProducerRecord<>(VigilTopics.PATTERNS, "kernel.vigil", "")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, e.getCause());
        }
    }

    private static KafkaProducer<String, String> producer(VigilPrincipal who) {
        return producer(kafka, who);
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka broker, VigilPrincipal who) {
        Map<String, Object> props = new HashMap<>(broker.clientProperties(who));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(VigilPrincipal who) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties(who));
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
