package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.library.PatternLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatternTestRunnerTest {
    private static final String CRASH_LOOP = """
            pattern crash_loop {
              match journald where message ~ /^(?<u>\\S+): Scheduled restart job, restart counter is at (?<n>\\d+)\\./
              group by unit
              threshold count >= 5 within 10m
              quiet 15m
              cause last 1 line from same unit where priority <= 3 within 10m
              type restart_burst
              subject "{unit}"
              summary "{unit} restarted {count} times; last error: {cause}"

              test "seed 000: every run ends on the same import error" {
                at 0s journald unit="rivet-worker.service" priority=3 "ModuleNotFoundError: No module named 'asyncpg'" repeat 12 every 10s
                at 1s journald unit="rivet-worker.service" "rivet-worker.service: Scheduled restart job, restart counter is at {i}." repeat 12 every 10s
                expect restart_burst subject "rivet-worker.service" count 12 summary contains "No module named 'asyncpg'"
              }

              test "a wrong expectation fails" {
                at 0s journald unit="rivet-worker.service" "rivet-worker.service: Scheduled restart job, restart counter is at {i}." repeat 6 every 10s
                expect restart_burst subject "rivet-worker.service" count 7
              }

              test "four restarts are not a burst" {
                at 0s journald unit="nginx.service" "nginx.service: Scheduled restart job, restart counter is at {i}." repeat 4 every 10s
                expect none
              }
            }
            """;

    @Test
    void shouldPassCountAndCauseOfACrashLoopAndReportAWrongExpectationWithWhatCameOut() {
        PatternLoader.Result loaded = PatternLoader.fromSources(Map.of("crash.vigil", CRASH_LOOP));
        assertTrue(!loaded.hasErrors(), loaded.render());
        PatternSet set = loaded.patterns();

        List<PatternTestRunner.Outcome> outcomes = new PatternTestRunner().runAll(set);

        assertEquals(3, outcomes.size());
        assertTrue(outcomes.get(0).passed(), outcomes.get(0).verdict().report());
        assertEquals("rivet-worker.service restarted 12 times; last error: ModuleNotFoundError: No module named 'asyncpg'",
                outcomes.get(0).got().get(0).summary());
        assertEquals("""
                FAIL crash.vigil:17 a wrong expectation fails
                  line 19: missing   expect restart_burst subject "rivet-worker.service" count 7
                    closest:   restart_burst subject "rivet-worker.service" count 6 summary "rivet-worker.service restarted 6 times; last error: unknown"
                  unexpected: restart_burst subject "rivet-worker.service" count 6 summary "rivet-worker.service restarted 6 times; last error: unknown"
                """, outcomes.get(1).verdict().report());
        assertEquals(6, outcomes.get(1).got().get(0).count());
        assertTrue(outcomes.get(2).passed());
        assertEquals(List.of(), outcomes.get(2).got());
    }
}
