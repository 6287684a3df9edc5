package dev.vigil.analyzer.topology;

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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
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

    private static Event authError(String host, long offset, String user) {
        return fileLine(host, "/srv/auth/auth.log", AT.plusSeconds(offset), offset,
                "ERROR login for user " + user + " failed: account locked");
    }
}
