package dev.vigil.analyzer.topology;

import static dev.vigil.analyzer.topology.AnalyzerTestKit.awaitLast;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.awaitSignatureIncident;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.fileLine;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.producer;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.send;
import static dev.vigil.analyzer.topology.AnalyzerTestKit.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature miner's templates, one record each in a changelogged store, survive a restart on an empty disk, and
 * reach the changelog once per commit; the route's records carry a commit's lines of a shape or a host each.
 */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SignatureRestartIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void shouldKeepAGeneralisedTemplateAndItsIdWhenTheMinerIsRestoredFromItsChangelog() throws Exception {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 2, (short) 1);
        }
        try (KafkaProducer<String, byte[]> producer = producer(KAFKA.bootstrapServers())) {
            AnalyzerConfig first = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir.resolve("first"))
                    .withApplicationId("vigil-signature-restart-it");
            Incident before;
            try (Analyzer analyzer = started(first)) {
                int offset = 0;
                for (String user : List.of("alice", "bob", "carol", "dave")) {
                    send(producer, authError("sig-r", offset++, user));
                }
                before = awaitSignatureIncident(KAFKA.bootstrapServers(), "sig-r");
            }
            assertTrue(before.summary().endsWith("ERROR login for user <*> failed: account locked"), before.summary());

            // another disk: the miner can only come back from its changelog
            AnalyzerConfig second = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir.resolve("second"))
                    .withApplicationId("vigil-signature-restart-it");
            try (Analyzer analyzer = started(second)) {
                send(producer, authError("sig-s", 10, "erin"));
                send(producer, authError("sig-s", 11, "erin"));
                Incident after = awaitSignatureIncident(KAFKA.bootstrapServers(), "sig-s");
                assertEquals(before.signature(), after.signature(), "a restored miner files erin under the general template: "
                        + after);
                assertTrue(after.summary().endsWith("ERROR login for user <*> failed: account locked"), after.summary());
            }
        }
    }

    @Test
    void shouldWriteATemplateToTheChangelogOncePerCommitNotOncePerLine() throws Exception {
        int lines = 300;
        AnalyzerConfig config = countedThrough("once", lines, List.of("sig-once"));

        // every line changed the template (its count, when it was seen): one record per line before
        Map<String, Long> records = changelogRecordsByKey(config.applicationId() + "-" + StoreNames.SIGNATURE_MINER + "-changelog");
        long templateRecords = records.entrySet().stream().filter(r -> r.getKey().startsWith("t/")).mapToLong(Map.Entry::getValue).sum();
        assertTrue(templateRecords > 0 && templateRecords < lines / 3, "template records on the changelog: " + records);
    }

    @Test
    void shouldSendAShapesRequestsAndAHostsSignedCopiesInAFewRecordsNotOneALine() throws Exception {
        int lines = 400;
        AnalyzerConfig config = countedThrough("batches", lines, List.of("sig-batch-a", "sig-batch-b"));

        // a record per line was 400 on each topic; a transaction also takes an offset for its commit marker
        for (String topic : List.of(AnalyzerTopology.SIGNATURE_REQUESTS, AnalyzerTopology.SIGNED_EVENTS)) {
            long taken = offsetsTaken(config.applicationId() + "-" + topic + "-repartition");
            assertTrue(taken > 0 && taken < lines / 4, topic + ": " + taken + " offsets for " + lines + " lines");
        }
    }

    /**
     * Sends {@code lines} authentication errors of one template, in turn from each of {@code hosts}, to an analyzer
     * of its own ({@code name}), and waits until each host's incident counts all of its lines; the analyzer has
     * stopped on return.
     */
    private AnalyzerConfig countedThrough(String name, int lines, List<String> hosts) throws Exception {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 2, (short) 1);
        }
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir.resolve(name))
                .withApplicationId("vigil-signature-" + name + "-it");
        try (KafkaProducer<String, byte[]> producer = producer(KAFKA.bootstrapServers());
                Analyzer analyzer = started(config)) {
            for (int offset = 0; offset < lines; offset++) {
                Event e = authError(hosts.get(offset % hosts.size()), offset, "user" + offset);
                producer.send(new ProducerRecord<>(VigilTopics.EVENTS, e.host(), EventJson.toBytes(e)));
            }
            producer.flush();
            for (String host : hosts) {
                int each = lines / hosts.size();
                awaitLast(KAFKA.bootstrapServers(), "the count of all " + each + " lines of " + host,
                        i -> i.type().equals("error_signature") && i.host().equals(host) && i.count() == each);
            }
        }
        return config;
    }

    /** The offsets taken on every partition of {@code topic}: its records and its transactions' commit markers. */
    private static long offsetsTaken(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The committed records of every partition of {@code topic}, counted by key. */
    private static Map<String, Long> changelogRecordsByKey(String topic) {
        Map<String, Long> counts = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> counts.merge(r.key(), 1L, Long::sum));
            }
        }
        return counts;
    }

    private static Event authError(String host, long offset, String user) {
        return fileLine(host, "/srv/auth/auth.log", AT.plusSeconds(offset), offset,
                "ERROR login for user " + user + " failed: account locked");
    }
}
