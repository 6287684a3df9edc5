package dev.vigil.analyzer.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expected.json semantics a scenario runner applies to a replay's incidents, tried on the
 * committed expectations with hand-written incident records.
 */
class ScenarioExpectationTest {

    private static final Instant T0 = Instant.parse("2026-01-10T09:41:08Z");
    private static final String VPS = "srv707254";
    private static final String CAUSE = "ModuleNotFoundError: No module named 'asyncpg'";

    @Test
    void shouldAcceptOneCrashLoopIncidentUpdatedUntilItCountsEveryRestart() throws IOException {
        ScenarioExpectation expected = ScenarioExpectation.read(Scenarios.named("000-"));
        List<Incident> emitted = List.of(
                restartBurst("burst-1", 5), restartBurst("burst-1", 50), restartBurst("burst-1", 100));

        assertEquals(List.of(), expected.violations(emitted));
    }

    @Test
    void shouldRejectOneIncidentPerRestart() throws IOException {
        ScenarioExpectation expected = ScenarioExpectation.read(Scenarios.named("000-"));
        List<Incident> emitted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            emitted.add(restartBurst("burst-" + i, 1));
        }

        List<String> violations = expected.violations(emitted);

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("000-crash-loop: expected 1..1 incidents matching"), violations.get(0));
        assertTrue(violations.get(0).contains("got 100"), violations.get(0));
    }

    @Test
    void shouldRequireTheCauseInTheCrashLoopSummary() throws IOException {
        ScenarioExpectation expected = ScenarioExpectation.read(Scenarios.named("000-"));
        Incident withoutCause = incident("burst-1", "restart_burst", VPS, "rivet-worker.service", 100,
                "rivet-worker.service restarted 100 times in 18 minutes", List.of());

        List<String> violations = expected.violations(List.of(withoutCause));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("got 0"), violations.get(0));
    }

    @Test
    void shouldRejectATruncationThatIsNotLinkedToTheOomKill() throws IOException {
        ScenarioExpectation expected = ScenarioExpectation.read(Scenarios.named("001-"));
        String log = "/home/ubuntu/.openclaw/workspace/ai-erp/backend/backend.log";
        Incident oom = incident("oom-1", "oom_kill", "kontali-dev", "uvicorn", 1,
                "kernel OOM killer killed uvicorn (pid 632846, anon-rss 5282696 kB)", List.of());
        Incident unlinked = incident("trunc-1", "log_truncation", "kontali-dev", log, 1,
                log + " stopped mid-line at 21:41:47", List.of());
        Incident linked = incident("trunc-1", "log_truncation", "kontali-dev", log, 1,
                log + " stopped mid-line at 21:41:47 after the OOM kill of pid 632846", List.of("oom-1"));

        List<String> violations = expected.violations(List.of(oom, unlinked));

        assertEquals(List.of("001-oom-kill-truncated-log: trunc-1 (log_truncation) is not related to any oom_kill "
                + "incident; related=[]"), violations);
        assertEquals(List.of(), expected.violations(List.of(oom, unlinked, linked)),
                "the latest record of trunc-1 carries the link");
    }

    @Test
    void shouldRejectAnyIncidentOnANegativeControl() throws IOException {
        ScenarioExpectation expected = ScenarioExpectation.read(Scenarios.named("100-"));
        Incident phpTimer = incident("burst-9", "restart_burst", "web-01", "phpsessionclean.service", 52,
                "phpsessionclean.service started 52 times in 26 hours", List.of());

        List<String> violations = expected.violations(List.of(phpTimer));

        assertTrue(violations.get(0).startsWith("100-busy-host-normal-restarts: at most 0 incidents expected, got 1"),
                violations.toString());
        assertTrue(violations.get(1).startsWith("100-busy-host-normal-restarts: must not produce"),
                violations.toString());
        assertEquals(List.of(), expected.violations(List.of()));
    }

    private static Incident restartBurst(String id, long count) {
        return incident(id, "restart_burst", VPS, "rivet-worker.service", count,
                "rivet-worker.service restarted " + count + " times; last error: " + CAUSE, List.of());
    }

    private static Incident incident(String id, String type, String host, String subject, long count,
            String summary, List<String> related) {
        return new Incident(id, type, type + "-pattern", "critical", Incident.Status.FIRING, host, subject, count,
                T0, T0.plus(Duration.ofSeconds(11 * count)), summary, null, null, List.of(), related, Map.of());
    }
}
