package dev.vigil.analyzer.sink.alertmanager;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.sink.HttpDelivery;
import dev.vigil.analyzer.sink.RetryPolicy;
import dev.vigil.analyzer.sink.SinkConfig;
import dev.vigil.analyzer.sink.SinkMetrics;
import dev.vigil.analyzer.sink.SinkRunner;
import dev.vigil.analyzer.sink.SinkTestKit;
import dev.vigil.broker.KafkaBrokerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incidents from the crash-loop seed scenario, through the real broker and the Alertmanager sink,
 * into a real Alertmanager: the alert appears with its labels, groups by pattern and host, resolves,
 * and a restarted bridge sends the firing alerts again from the compacted topic alone.
 */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AlertmanagerSinkIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final Duration RESEND = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void shouldRaiseGroupAndResolveAlertsInAlertmanagerAndResendFiringOnesAfterARestart() throws Exception {
        List<Incident> replayed = SinkTestKit.replay("000-");
        Incident burst = replayed.stream().filter(i -> i.status() == Incident.Status.FIRING).findFirst().orElseThrow();
        // a second episode of the same pattern on the same host, on another unit: same group, another alert
        Incident other = SinkTestKit.with(burst, burst.id() + "-b", "other-" + burst.subject(), Incident.Status.FIRING);
        SinkTestKit.createTopics(KAFKA.bootstrapServers());

        try (AlertmanagerProcess am = AlertmanagerProcess.start(Files.createDirectories(dir.resolve("am1")));
                SinkRunner bridge = runner(am)) {
            bridge.start();
            assertTrue(bridge.awaitReady(Duration.ofSeconds(60)), "the sink runner starts");
            SinkTestKit.produce(KAFKA.bootstrapServers(), List.of(burst, other));

            JsonNode alert = await("the alert in Alertmanager").atMost(Duration.ofSeconds(60))
                    .until(() -> find(am.alerts(), burst.id()), a -> a != null);
            Map<String, String> labels = new TreeMap<>(Map.of("alertname", burst.pattern(), "type", burst.type(),
                    "host", burst.host(), "severity", burst.severity(), "subject", burst.subject()));
            if (burst.signature() != null) {
                labels.put("signature", burst.signature());
            }
            assertEquals(labels, strings(alert.get("labels")));
            assertEquals(burst.summary(), alert.get("annotations").get("summary").asText());
            Incident.Evidence first = burst.evidence().get(0);
            assertEquals(first.ts() + " " + first.source() + " " + first.message(),
                    alert.get("annotations").get("evidence").asText().lines().findFirst().orElseThrow());
            assertEquals(burst.id(), alert.get("annotations").get("incident_id").asText());
            // Alertmanager keeps times to the millisecond
            assertEquals(burst.firstSeen().truncatedTo(ChronoUnit.MILLIS), Instant.parse(alert.get("startsAt").asText()));
            assertEquals("active", alert.get("status").get("state").asText());

            JsonNode group = await("one group holding both alerts").atMost(Duration.ofSeconds(30))
                    .until(() -> groupOf(am.groups(), burst), g -> g != null && g.get("alerts").size() == 2);
            assertEquals(Map.of("alertname", burst.pattern(), "host", burst.host()), strings(group.get("labels")));

            SinkTestKit.produce(KAFKA.bootstrapServers(),
                    List.of(SinkTestKit.with(burst, burst.id(), burst.subject(), Incident.Status.RESOLVED)));
            await("the resolved alert leaves the active alerts").atMost(Duration.ofSeconds(30))
                    .until(() -> find(am.alerts(), burst.id()) == null);
            assertTrue(find(am.alerts(), other.id()) != null, "the other alert still fires");
        }

        // A new Alertmanager knows nothing, and the group's offsets are past every incident: only the
        // firing set rebuilt from the compacted topic can bring the alert back.
        try (AlertmanagerProcess fresh = AlertmanagerProcess.start(Files.createDirectories(dir.resolve("am2")));
                SinkRunner restarted = runner(fresh)) {
            restarted.start();
            assertTrue(restarted.awaitReady(Duration.ofSeconds(60)), "the restarted sink runner starts");
            await("the still-firing alert re-sent to the new Alertmanager").atMost(Duration.ofSeconds(60))
                    .until(() -> find(fresh.alerts(), other.id()) != null);
            assertEquals(null, find(fresh.alerts(), burst.id()), "the resolved incident is not raised again");
        }
    }

    private static SinkRunner runner(AlertmanagerProcess am) {
        AlertmanagerSink sink = new AlertmanagerSink(new HttpDelivery(), am.url, RESEND, Clock.systemUTC());
        return new SinkRunner(sink, new SinkConfig(KAFKA.bootstrapServers(), Map.of(), RetryPolicy.DEFAULT),
                SinkMetrics.NONE, Clock.systemUTC());
    }

    /** The active alert whose incident_id annotation is {@code incidentId}, or null. */
    private static JsonNode find(JsonNode alerts, String incidentId) {
        for (JsonNode a : alerts) {
            if (incidentId.equals(a.get("annotations").path("incident_id").asText())) {
                return a;
            }
        }
        return null;
    }

    private static JsonNode groupOf(JsonNode groups, Incident incident) {
        for (JsonNode g : groups) {
            if (incident.pattern().equals(g.get("labels").path("alertname").asText())
                    && incident.host().equals(g.get("labels").path("host").asText())) {
                return g;
            }
        }
        return null;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
