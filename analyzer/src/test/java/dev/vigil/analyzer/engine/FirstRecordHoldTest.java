package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new incident's first record waits one tick only for a value that may still come: a missing
 * cause line will not (cause lines precede the line that opens the episode), so a crash loop
 * whose unit logged no error goes out with the event that crossed its threshold.
 */
class FirstRecordHoldTest {
    private static final Instant T0 = Instant.parse("2026-01-12T07:00:00Z");

    private static final PatternSet PATTERNS = TestPatterns.compile("hold.vigil", """
            pattern loop {
              match journald where message ~ /Scheduled restart job(?:, restart counter is at (?<counter>\\d+))?/
              group by unit
              threshold count >= 3 within 5m
              cause last 3 lines from same unit where priority <= 3
              type restart_burst
              subject "{unit}"
              summary "{unit} restarted {count} times[ (restart counter {counter})][; last error: {cause}]"
            }
            """);

    /** Lines of one kernel oops (sonic-net/sonic-buildimage#22166, 6.1.0-22-2-amd64). */
    private static final PatternSet GATHERING = TestPatterns.compile("gather.vigil", """
            pattern oops {
              match kernel where message ~ /^(?<fault>BUG: .*)/ or message ~ /^(?<oops>Oops: .*)/
              gather task where message ~ /^CPU: \\d+ PID: \\d+ Comm: (?<task>\\S+)/ within 1s
              quiet 5s
              type kernel_oops
              subject "{task}"
              summary "oops in {task}[: {fault}][ ({oops})]"
            }
            """);

    private static Event kernel(int i, String text) {
        return Event.builder("web-1", Source.KERNEL, T0.plusMillis(i), text).id("k-" + i).build();
    }

    private static Event restart(int i, String text) {
        return Event.builder("web-1", Source.JOURNALD, T0.plusSeconds(i), text).unit("api.service").id("r-" + i).build();
    }

    @Test
    void shouldSendTheFirstRecordAtOnceWhenOnlyTheCauseIsMissing() {
        PatternEngine engine = new PatternEngine(() -> PATTERNS, EngineState.inMemory());
        // systemd 219-235 wording, with the counter: every value but the cause is there
        for (int i = 1; i <= 2; i++) {
            assertEquals(List.of(), engine.onEvent(restart(i, "api.service: Scheduled restart job, restart counter is at " + i + "."),
                    T0.plusSeconds(i), T0.plusSeconds(i)));
        }
        List<Incident> third = engine.onEvent(restart(3, "api.service: Scheduled restart job, restart counter is at 3."),
                T0.plusSeconds(3), T0.plusSeconds(3));

        assertEquals(1, third.size(), "sent with the crossing event, not a tick later: " + third);
        assertEquals("api.service restarted 3 times (restart counter 3)", third.get(0).summary());
    }

    @Test
    void shouldStillHoldTheFirstRecordForAValueOfItsOwnLines() {
        PatternEngine engine = new PatternEngine(() -> PATTERNS, EngineState.inMemory());
        for (int i = 1; i <= 2; i++) {
            engine.onEvent(restart(i, "api.service: Scheduled restart job."), T0.plusSeconds(i), T0.plusSeconds(i));
        }
        // the counter may come on a line of its own just after (systemd 236-253): wait one tick for it
        assertEquals(List.of(), engine.onEvent(restart(3, "api.service: Scheduled restart job."), T0.plusSeconds(3),
                T0.plusSeconds(3)));
        List<Incident> tick = engine.onTick(T0.plusSeconds(4));

        assertEquals(1, tick.size(), "sent on the tick: " + tick);
        assertEquals("api.service restarted 3 times", tick.get(0).summary());
    }

    @Test
    void shouldSendAHeldFirstRecordAsFiringEvenWhenABacklogMakesItQuietBeforeTheTick() {
        PatternEngine engine = new PatternEngine(() -> PATTERNS, EngineState.inMemory());
        for (int i = 1; i <= 3; i++) {
            engine.onEvent(restart(i, "api.service: Scheduled restart job."), T0.plusSeconds(i), T0);
        }
        // a backlog is read: within the same wall-clock second the host's clock moves an hour on
        Event later = Event.builder("web-1", Source.JOURNALD, T0.plusSeconds(3600), "GET /healthz 200")
                .unit("nginx.service").id("h-1").build();
        engine.onEvent(later, T0, T0);
        List<Incident> tick = engine.onTick(T0.plusSeconds(1));

        assertEquals(List.of("FIRING", "RESOLVED"), tick.stream().map(i -> i.status().name()).toList(),
                "the incident is told, then its end: " + tick);
        assertEquals("api.service restarted 3 times", tick.get(0).summary());
    }

    @Test
    void shouldHoldAFirstRecordForItsGatheredValueWhenTheNextLineOfTheHappeningMatchesToo() {
        PatternEngine engine = new PatternEngine(() -> GATHERING, EngineState.inMemory());
        assertEquals(List.of(), engine.onEvent(kernel(0, "BUG: kernel NULL pointer dereference, address: 00000000000002d0"), T0, T0));
        // the die line matches too; the task's line comes after it: the record still waits for the tick
        assertEquals(List.of(), engine.onEvent(kernel(15, "Oops: 0000 [#1] PREEMPT SMP NOPTI"), T0, T0));
        engine.onEvent(kernel(20, "CPU: 7 PID: 15623 Comm: cat Tainted: GF          OE      6.1.0-22-2-amd64 #1  Debian 6.1.94-1"), T0, T0);
        List<Incident> tick = engine.onTick(T0.plusSeconds(1));

        assertEquals(1, tick.size(), "sent once, on the tick: " + tick);
        assertEquals("cat", tick.get(0).subject());
        assertEquals("oops in cat: BUG: kernel NULL pointer dereference, address: 00000000000002d0 (Oops: 0000 [#1] PREEMPT SMP NOPTI)",
                tick.get(0).summary());
    }

    @Test
    void shouldHoldAFirstRecordForItsGatheredValueOverATickThatFallsBetweenTheLinesOfTheHappening() {
        PatternEngine engine = new PatternEngine(() -> GATHERING, EngineState.inMemory());
        assertEquals(List.of(), engine.onEvent(kernel(0, "BUG: kernel NULL pointer dereference, address: 00000000000002d0"), T0, T0));
        // the wall-clock tick comes a few milliseconds later, before the task's line of the same oops
        assertEquals(List.of(), engine.onTick(T0.plusMillis(5)), "held: the lines of the happening are still coming");
        engine.onEvent(kernel(20, "CPU: 7 PID: 15623 Comm: cat Tainted: GF          OE      6.1.0-22-2-amd64 #1  Debian 6.1.94-1"),
                T0.plusMillis(10), T0.plusMillis(10));
        List<Incident> tick = engine.onTick(T0.plusSeconds(1));

        assertEquals(1, tick.size(), "sent once, a second after it opened: " + tick);
        assertEquals("cat", tick.get(0).subject());
    }

    @Test
    void shouldSendAHeldFirstRecordAfterASecondEvenWhenItsGatheredValueNeverComes() {
        PatternEngine engine = new PatternEngine(() -> GATHERING, EngineState.inMemory());
        engine.onEvent(kernel(0, "BUG: kernel NULL pointer dereference, address: 00000000000002d0"), T0, T0);

        List<Incident> tick = engine.onTick(T0.plusSeconds(1));

        assertEquals(1, tick.size(), "the host may have died with the oops: " + tick);
        assertEquals("unknown", tick.get(0).subject());
    }
}
