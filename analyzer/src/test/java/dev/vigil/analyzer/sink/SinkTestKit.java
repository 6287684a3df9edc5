package dev.vigil.analyzer.sink;

import static org.awaitility.Awaitility.await;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ScenarioFiles;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.broker.VigilTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the sink integration tests share: real incidents from a seed scenario, and the topics around a sink. */
public final class SinkTestKit {
    private SinkTestKit() {}

    /** The incident records the standard library gives for the scenario whose folder starts with {@code prefix}. */
    public static List<Incident> replay(String prefix) throws IOException {
        Path root = Path.of("..", "scenarios").toAbsolutePath().normalize();
        Path dir;
        try (var dirs = Files.list(root)) {
            dir = dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no scenario " + prefix + "* in " + root));
        }
        ScenarioFiles files = ScenarioFiles.read(dir);
        return new Replay(PatternFiles.load(List.of()), line -> {}).run(files.inputs(),
                new Replay.Options(files.host(), null)).incidents();
    }

    /** Creates Vigil's topics on the test broker. */
    public static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            VigilTopics.ensure(admin, 1, (short) 1);
        }
    }

    /** Writes incident records to {@code vigil.incidents}, keyed by id as the analyzer does, and waits for the acks. */
    public static void produce(String bootstrap, List<Incident> incidents) throws Exception {
        produceRaw(bootstrap, incidents.stream().map(i -> Map.entry(i.id(), IncidentJson.toJson(i))).toList());
    }

    /** Writes raw key/value records to {@code vigil.incidents}. */
    public static void produceRaw(String bootstrap, List<Map.Entry<String, String>> records) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, String> r : records) {
                p.send(new ProducerRecord<>(VigilTopics.INCIDENTS, r.getKey(), r.getValue().getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The first {@code expected} dead letters, waiting up to a minute for them. */
    public static List<DeadLetter> deadLetters(String bootstrap, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(VigilTopics.DEADLETTER));
            await(expected + " dead letters").atMost(Duration.ofSeconds(60)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(DeadLetters.parse(r.value())));
                return out.size() >= expected;
            });
        }
        return out;
    }

    /** The offset the sink's consumer group committed on partition 0 of {@code vigil.incidents}, or -1. */
    public static long committedOffset(String bootstrap, IncidentSink sink) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var offsets = admin.listConsumerGroupOffsets(SinkConfig.groupId(sink)).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            var o = offsets.get(new org.apache.kafka.common.TopicPartition(VigilTopics.INCIDENTS, 0));
            return o == null ? -1 : o.offset();
        }
    }

    /** The same incident with another status, id, subject: a second episode or its end, as the analyzer would write it. */
    public static Incident with(Incident i, String id, String subject, Incident.Status status) {
        return new Incident(id, i.type(), i.pattern(), i.severity(), status, i.host(), subject, i.count(), i.firstSeen(),
                i.lastSeen(), i.summary(), i.signature(), i.cause(), i.evidence(), i.related(), i.labels());
    }
}
