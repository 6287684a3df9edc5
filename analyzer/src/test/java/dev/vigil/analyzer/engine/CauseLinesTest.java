package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cause line shares the trigger's value of its field ({@code from same unit}): a line without
 * that field (an app log's line has no unit) is no line of any trigger's, even of one whose own
 * value is missing too.
 */
class CauseLinesTest {
    private static final Instant T0 = Instant.parse("2026-01-12T07:00:00Z");

    private static final PatternSet PATTERNS = TestPatterns.compile("cause.vigil", """
            pattern loop {
              match journald where message_id == "5eb03494b6584870a536b337290809b3"
              group by unit
              threshold count >= 2 within 5m
              cause last 3 lines from same unit where priority <= 3 or message ~ /\\bERROR\\b/
              type restart_burst
              subject "{unit}"
              summary "restarted {count} times[; last error: {cause}]"
            }
            """);

    private static List<Incident> run(List<Event> events) {
        PatternEngine engine = new PatternEngine(() -> PATTERNS, EngineState.inMemory());
        List<Incident> out = new ArrayList<>();
        for (Event e : events) {
            out.addAll(engine.onEvent(e, e.ts(), e.ts()));
        }
        out.addAll(engine.onTick(T0.plusSeconds(60)));
        return out;
    }

    private static Event restart(int i, String unit) {
        // systemd's "Scheduled restart job" record, by its catalog id; the unit from UNIT=
        return Event.builder("web-1", Source.JOURNALD, T0.plusSeconds(i), "Scheduled restart job, restart counter is at " + i + ".")
                .messageId("5eb03494b6584870a536b337290809b3").unit(unit).id("r-" + i).build();
    }

    @Test
    void shouldTakeCauseLinesOnlyFromEventsOfTheSameUnit() {
        Event appError = Event.builder("web-1", Source.FILE, T0, "2026-01-12 07:00:00 ERROR Failed to create environment")
                .file("/var/log/app.log").id("a-1").build();
        Event unitError = Event.builder("web-1", Source.JOURNALD, T0, "ModuleNotFoundError: No module named 'asyncpg'")
                .unit("api.service").priority(3).id("u-1").build();

        List<Incident> withUnit = run(List.of(appError, unitError, restart(1, "api.service"), restart(2, "api.service")));
        List<Incident> withoutUnit = run(List.of(appError, restart(1, null), restart(2, null)));

        assertEquals("restarted 2 times; last error: ModuleNotFoundError: No module named 'asyncpg'",
                withUnit.get(withUnit.size() - 1).summary());
        assertEquals("restarted 2 times", withoutUnit.get(withoutUnit.size() - 1).summary(),
                "an app log's line is no cause of a restart record that names no unit");
    }
}
