package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A firing episode whose host stopped sending (a demo host, a host that went away) never turns
 * quiet on its host's clock, so it is re-notified: each re-notification must say it is one.
 */
class PatternEngineRenotifyTest {
    private static final Instant T0 = Instant.parse("2026-01-12T07:00:00Z");

    private static final PatternSet PATTERNS = TestPatterns.compile("renotify.vigil", """
            pattern unit_down {
              match journald where message contains "entered failed state"
              group by unit
              quiet 2h
              renotify 1h
              type unit_down
              subject "{unit}"
              summary "{unit} is down"
            }
            """);

    @Test
    void shouldNeverSendTwoByteIdenticalRecordsForOneIncident() {
        PatternEngine engine = new PatternEngine(() -> PATTERNS, EngineState.inMemory());
        Event failed = Event.builder("demo-1", Source.JOURNALD, T0, "nginx.service: entered failed state")
                .unit("nginx.service").id("f-1").build();
        List<Incident> out = new ArrayList<>(engine.onEvent(failed, T0, T0));
        // the host sends nothing more; the analyzer ticks on for three and a half hours
        for (Instant now = T0.plusSeconds(60); !now.isAfter(T0.plus(Duration.ofMinutes(210))); now = now.plusSeconds(60)) {
            out.addAll(engine.onTick(now));
        }

        assertEquals(4, out.size(), "first record and three hourly re-notifications: " + out);
        Set<String> records = new HashSet<>();
        out.forEach(i -> assertTrue(records.add(IncidentJson.toJson(i)), "sent twice: " + IncidentJson.toJson(i)));
        assertEquals(null, out.get(0).renotified(), "the first record is no re-notification");
        assertEquals(List.of(1, 2, 3), out.subList(1, 4).stream().map(Incident::renotified).toList());
        assertTrue(IncidentJson.toJson(out.get(3)).contains("\"renotified\":3"), IncidentJson.toJson(out.get(3)));
    }

    @Test
    void shouldNotCallAFirstRecordHeldForATickAReNotification() {
        // the summary names a capture the first line lacks, so the first record waits for the next tick
        PatternSet held = TestPatterns.compile("renotify.vigil", """
                pattern unit_down {
                  match journald where message ~ /entered failed state(?: with result '(?<result>[^']+)')?/
                  group by unit
                  quiet 2h
                  renotify 1h
                  type unit_down
                  subject "{unit}"
                  summary "{unit} is down: {result}"
                }
                """);
        PatternEngine engine = new PatternEngine(() -> held, EngineState.inMemory());
        Event failed = Event.builder("web-1", Source.JOURNALD, T0, "nginx.service: entered failed state")
                .unit("nginx.service").id("f-1").build();

        List<Incident> out = new ArrayList<>(engine.onEvent(failed, T0, T0));
        out.addAll(engine.onTick(T0.plusSeconds(1)));

        assertEquals(1, out.size(), "the held first record goes out on the tick: " + out);
        assertEquals(null, out.get(0).renotified(), "the first record is no re-notification: " + IncidentJson.toJson(out.get(0)));
    }
}
