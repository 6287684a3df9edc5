package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a restart the analyzer works through the events that reached Kafka while it was down:
 * until it has caught up, its clock is ahead of everything it knows, and nothing may be called
 * silent (or re-notified) on that clock. A restart is a new engine over the same stored state.
 */
class PatternEngineCatchUpTest {
    private static final Instant T0 = Instant.parse("2026-01-12T07:00:00Z");
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private static final PatternSet PATTERNS = TestPatterns.compile("catch-up.vigil", """
            pattern host_silent {
              absence of shipper where identifier == "heartbeat" silent for 3m
              group by host
              type host_silent
              subject "{host}"
              summary "no heartbeat from {host} for {silence}"
            }

            pattern unit_down {
              match journald where message contains "entered failed state"
              group by unit
              quiet 2h
              renotify 30m
              type unit_down
              subject "{unit}"
              summary "{unit} is down"
            }
            """);

    private final EngineState stored = EngineState.inMemory();

    private PatternEngine start() {
        return new PatternEngine(() -> PATTERNS, stored);
    }

    private static Event heartbeat(String host, Instant at) {
        return Event.builder(host, Source.SHIPPER, at, "heartbeat").identifier("heartbeat").id(host + "/" + at).build();
    }

    /** Both hosts heartbeat for ten minutes, processed as they happen. */
    private void runLive(PatternEngine engine) {
        for (Instant t = T0; !t.isAfter(T0.plusSeconds(600)); t = t.plus(HEARTBEAT)) {
            engine.onEvent(heartbeat("web-1", t), t, t);
            engine.onEvent(heartbeat("web-2", t), t, t);
            assertEquals(List.of(), engine.onTick(t));
        }
    }

    @Test
    void shouldNotCallHostsSilentWhileARestartedAnalyzerWorksThroughItsBacklog() {
        runLive(start());
        // down from 07:10 to 07:40; meanwhile web-1 kept sending heartbeats and web-2 died at 07:20
        PatternEngine restarted = start();
        Instant now = T0.plus(Duration.ofMinutes(40));
        List<Incident> whileBehind = new ArrayList<>(restarted.onTick(now));
        // thirty minutes of backlog, processed in thirty seconds
        for (Instant t = T0.plusSeconds(630); !t.isAfter(T0.plus(Duration.ofMinutes(40))); t = t.plus(HEARTBEAT)) {
            now = now.plusMillis(500);
            whileBehind.addAll(restarted.onEvent(heartbeat("web-1", t), t, now));
            if (t.isBefore(T0.plus(Duration.ofMinutes(20)))) {
                whileBehind.addAll(restarted.onEvent(heartbeat("web-2", t), t, now));
            }
            whileBehind.addAll(restarted.onTick(now));
        }
        List<Incident> caughtUp = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            now = now.plus(HEARTBEAT);
            caughtUp.addAll(restarted.onEvent(heartbeat("web-1", now), now, now));
            caughtUp.addAll(restarted.onTick(now));
        }

        assertEquals(List.of(), whileBehind, "web-1 was only behind, and web-2's silence is not known yet");
        assertEquals(1, caughtUp.size(), "web-2 is silent once the backlog is done: " + caughtUp);
        assertEquals("web-2", caughtUp.get(0).subject());
        assertEquals(Incident.Status.FIRING, caughtUp.get(0).status());
    }

    @Test
    void shouldHoldReNotificationWhileTheBacklogIsWorkedThrough() {
        PatternEngine before = start();
        Event failed = Event.builder("web-1", Source.JOURNALD, T0, "nginx.service: entered failed state")
                .unit("nginx.service").id("f-1").build();
        assertEquals(1, before.onEvent(failed, T0, T0).size());
        // down for 50 minutes: the 30-minute re-notification fell due while nobody was looking
        PatternEngine restarted = start();
        Instant now = T0.plus(Duration.ofMinutes(50));
        List<Incident> whileBehind = new ArrayList<>(restarted.onTick(now));
        Instant t = T0.plus(HEARTBEAT);
        // the first 45 minutes of backlog: every event is at least five minutes old when it is processed
        for (; !t.isAfter(T0.plus(Duration.ofMinutes(45))); t = t.plus(HEARTBEAT)) {
            now = now.plusMillis(200);
            whileBehind.addAll(restarted.onEvent(heartbeat("web-1", t), t, now));
            whileBehind.addAll(restarted.onTick(now));
        }
        List<Incident> caughtUp = new ArrayList<>();
        for (; now.isAfter(t); t = t.plus(HEARTBEAT)) {
            now = now.plusMillis(200);
            caughtUp.addAll(restarted.onEvent(heartbeat("web-1", t), t, now));
            caughtUp.addAll(restarted.onTick(now));
        }

        assertEquals(List.of(), whileBehind);
        assertEquals(1, caughtUp.size());
        assertEquals("nginx.service", caughtUp.get(0).subject());
        assertEquals(Incident.Status.FIRING, caughtUp.get(0).status(), "re-notified once caught up, still firing");
    }
}
