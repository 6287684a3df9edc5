package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.replay.OfflineAnalyzer;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code link}: incidents of the linked types about the same subject on the same host, within the window, relate both ways. */
class LinkClauseTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String PATTERNS = """
            pattern loop {
              match journald where message ~ /^(?<unit>\\S+): Scheduled restart job/
              group by unit
              threshold count >= 3 within 10m
              quiet 15m
              link gave_up within 10m
              type restart_burst
              subject "{unit}"
              summary "{unit} loops"
            }
            pattern limit {
              match journald where message ~ /^(?<unit>\\S+): Start request repeated too quickly\\./
              group by unit
              quiet 2h
              type gave_up
              subject "{unit}"
              summary "{unit} gave up"
            }
            """;

    @Test
    void aStartLimitShouldBeRelatedToTheLoopOfItsUnitOnlyWithinTheWindow() {
        Map<String, Incident> latest = run(List.of(
                restart("a.service", 0), restart("a.service", 10), restart("a.service", 20),
                limit("a.service", 30),                     // same unit, 10 s later: linked
                limit("b.service", 31),                     // another unit: not linked
                restart("c.service", 0), restart("c.service", 10), restart("c.service", 20),
                limit("c.service", 20 + (int) Duration.ofMinutes(30).toSeconds()))); // 30 min later: not linked

        Incident loopA = find(latest, "restart_burst", "a.service");
        Incident limitA = find(latest, "gave_up", "a.service");
        assertEquals(List.of(limitA.id()), loopA.related());
        assertEquals(List.of(loopA.id()), limitA.related());
        assertTrue(find(latest, "gave_up", "b.service").related().isEmpty());
        assertTrue(find(latest, "gave_up", "c.service").related().isEmpty());
        assertTrue(find(latest, "restart_burst", "c.service").related().isEmpty());
    }

    private Map<String, Incident> run(List<Event> events) {
        PatternLoader.Result loaded = PatternLoader.fromSources(Map.of("link.vigil", PATTERNS));
        assertTrue(!loaded.hasErrors(), loaded.render());
        Map<String, Incident> latest = new LinkedHashMap<>();
        try (OfflineAnalyzer analyzer = new OfflineAnalyzer(loaded.patterns())) {
            events.stream().sorted((a, b) -> a.ts().compareTo(b.ts())).forEach(analyzer::feed);
            analyzer.finish().forEach(i -> latest.put(i.id(), i));
        }
        return latest;
    }

    private static Incident find(Map<String, Incident> latest, String type, String subject) {
        return latest.values().stream().filter(i -> i.type().equals(type) && i.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + subject + " in " + latest.values()));
    }

    private static Event restart(String unit, int seconds) {
        return event(unit, seconds, unit + ": Scheduled restart job, restart counter is at " + (seconds / 10 + 1) + ".");
    }

    private static Event limit(String unit, int seconds) {
        return event(unit, seconds, unit + ": Start request repeated too quickly.");
    }

    private static Event event(String unit, int seconds, String message) {
        return Event.builder("host-1", Source.JOURNALD, T0.plusSeconds(seconds), message).unit(unit)
                .id(unit + "-" + seconds + "-" + message.hashCode()).build();
    }
}
