package dev.vigil.analyzer.topology;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentTopic;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The signature miner's templates, one record each in a changelogged store, survive a restart on an empty disk. */
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
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            AnalyzerConfig first = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir.resolve("first"))
                    .withApplicationId("vigil-signature-restart-it");
            Incident before;
            try (Analyzer analyzer = started(first)) {
                int offset = 0;
                for (String user : List.of("alice", "bob", "carol", "dave")) {
                    send(producer, authError("sig-r", offset++, user));
                }
                before = awaitSignatureIncident("sig-r");
            }
            assertTrue(before.summary().endsWith("ERROR login for user <*> failed: account locked"), before.summary());

            // another disk: the miner can only come back from its changelog
            AnalyzerConfig second = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir.resolve("second"))
                    .withApplicationId("vigil-signature-restart-it");
            try (Analyzer analyzer = started(second)) {
                send(producer, authError("sig-s", 10, "erin"));
                send(producer, authError("sig-s", 11, "erin"));
                Incident after = awaitSignatureIncident("sig-s");
                assertEquals(before.signature(), after.signature(), "a restored miner files erin under the general template: "
                        + after);
                assertTrue(after.summary().endsWith("ERROR login for user <*> failed: account locked"), after.summary());
            }
        }
    }

    private static Event authError(String host, long offset, String user) {
        String file = "/srv/auth/auth.log";
        return Event.builder(host, Source.FILE, AT.plusSeconds(offset), "ERROR login for user " + user + " failed: account locked")
                .file(file).offset(offset).id(EventIds.of(host, Source.FILE, file, String.valueOf(offset))).build();
    }

    private static void send(KafkaProducer<String, byte[]> producer, Event e) throws Exception {
        producer.send(new ProducerRecord<>(VigilTopics.EVENTS, e.host(), EventJson.toBytes(e))).get(30, TimeUnit.SECONDS);
    }

    private static Analyzer started(AnalyzerConfig config) throws InterruptedException {
        Analyzer analyzer = new Analyzer(config);
        try {
            analyzer.start();
            assertTrue(analyzer.awaitRunning(Duration.ofSeconds(90)), "analyzer running");
            return analyzer;
        } catch (RuntimeException | Error | InterruptedException e) {
            analyzer.close();
            throw e;
        }
    }

    private static Incident awaitSignatureIncident(String host) {
        return await("error_signature incident of " + host).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> IncidentTopic.readAll(KAFKA.bootstrapServers(), Duration.ofSeconds(5)).stream()
                        .filter(i -> i.type().equals("error_signature") && i.host().equals(host))
                        .reduce((first, second) -> second).orElse(null), i -> i != null);
    }
}
