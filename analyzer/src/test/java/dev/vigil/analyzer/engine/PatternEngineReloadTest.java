package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A reload keeps the state of unchanged patterns and starts changed ones over. */
class PatternEngineReloadTest {
    private static final Instant T0 = Instant.parse("2026-01-12T07:38:00Z");

    private static PatternSet failing(int min) {
        PatternLoader.Result r = PatternLoader.fromSources(Map.of("f.vigil", """
                pattern unit_fails {
                  match journald where message contains "Failed with result"
                  group by unit
                  threshold count >= %d within 10m
                  type unit_failed
                  summary "{unit} failed {count} times"
                }
                """.formatted(min)));
        assertTrue(!r.hasErrors(), r.render());
        return r.patterns();
    }

    private static Event failure(int n) {
        return Event.builder("h", Source.JOURNALD, T0.plus(Duration.ofSeconds(10L * n)),
                "nginx.service: Failed with result 'exit-code'.").id("e" + n).unit("nginx.service").build();
    }

    @Test
    void shouldResolveAndForgetAChangedPatternButKeepAnUnchangedOne() {
        AtomicReference<PatternSet> patterns = new AtomicReference<>(failing(2));
        PatternEngine engine = new PatternEngine(patterns::get, EngineState.inMemory());
        Instant now = T0;

        engine.onEvent(failure(1), now, now);
        List<Incident> opened = engine.onEvent(failure(2), now, now);
        assertEquals(1, opened.size());
        assertEquals(Incident.Status.FIRING, opened.get(0).status());

        patterns.set(failing(3)); // the threshold changed: a different detection
        List<Incident> onReload = engine.onTick(now.plusSeconds(1));
        assertEquals(1, onReload.size());
        assertEquals(opened.get(0).id(), onReload.get(0).id());
        assertEquals(Incident.Status.RESOLVED, onReload.get(0).status());

        assertEquals(List.of(), engine.onEvent(failure(3), now.plusSeconds(2), now.plusSeconds(2)));
        assertEquals(List.of(), engine.onEvent(failure(4), now.plusSeconds(3), now.plusSeconds(3)),
                "the old window is gone: 2 of 3");
        List<Incident> reopened = engine.onEvent(failure(5), now.plusSeconds(4), now.plusSeconds(4));
        assertEquals(3, reopened.get(0).count());
        assertNotEquals(opened.get(0).id(), reopened.get(0).id(), "a new episode");

        patterns.set(failing(3)); // compiled again, same detection: state stays
        assertEquals(List.of(), engine.onTick(now.plusSeconds(5)));
        List<Incident> updated = engine.onEvent(failure(6), now.plusSeconds(10), now.plusSeconds(10));
        assertEquals(reopened.get(0).id(), updated.get(0).id());
        assertEquals(4, updated.get(0).count());
    }
}
