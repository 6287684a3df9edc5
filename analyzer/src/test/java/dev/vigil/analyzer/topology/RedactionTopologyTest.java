package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets in log lines do not reach incidents or dead letters. */
class RedactionTopologyTest extends TopologyDriverFixture {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    RedactionTopologyTest() {
        super(AT);
    }

    @Test
    void shouldRedactSecretsInTheEvidenceAndSummaryOfAnIncidentAndMineOneSignatureForAnySecret() {
        // three errors differing only in their secrets: one template, so one incident of three
        pipeError(0, "ERROR db connect failed url=postgres://app:Sup3r-S3cret@db:5432/orders password=hunter2");
        pipeError(1, "ERROR db connect failed url=postgres://app:0ther-Pa55@db:5432/orders password=letmein9");
        pipeError(2, "ERROR db connect failed url=postgres://app:Third-0ne@db:5432/orders password=Pa55w0rd");
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // past the update interval: the count of three shows

        Incident incident = incidents.readValuesToList().stream().reduce((a, b) -> b).orElseThrow();
        assertEquals(3, incident.count(), "the secrets are not parameters of the template: " + incident);
        String expected = "ERROR db connect failed url=postgres://app:***@db:5432/orders password=***";
        assertTrue(incident.summary().endsWith("ERROR db connect failed url=<*> password=<*>"), incident.summary());
        assertFalse(incident.evidence().isEmpty());
        incident.evidence().forEach(e -> assertEquals(expected, e.message()));
        String json = new String(IncidentJson.serde().serializer().serialize("t", incident), StandardCharsets.UTF_8);
        for (String secret : List.of("Sup3r-S3cret", "hunter2", "0ther-Pa55", "letmein9", "Third-0ne", "Pa55w0rd")) {
            assertFalse(json.contains(secret), secret + " leaked: " + json);
        }
    }

    @Test
    void shouldRedactSecretsInTheCopyADeadLetterKeeps() {
        events.pipeInput("h", "not json: Authorization: Bearer abcdefghijklmnop0123 key=AKIAIOSFODNN7EXAMPLE"
                .getBytes(StandardCharsets.UTF_8));

        DeadLetter letter = DeadLetters.parse(deadletter.readValue());
        assertEquals("not json: Authorization: Bearer *** key=***", letter.value());
    }

    private void pipeError(long offset, String message) {
        Event e = Event.builder("web-a", Source.FILE, AT.plusSeconds(offset), message)
                .file("/srv/orders/app.log").offset(offset).id("web-a-" + offset).build();
        events.pipeInput("web-a", EventJson.toBytes(e), AT.plusSeconds(offset));
    }
}
