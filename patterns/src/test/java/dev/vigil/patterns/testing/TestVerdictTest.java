package dev.vigil.patterns.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TestVerdictTest {
    private static final ExpectedIncident BURST = new ExpectedIncident("restart_burst", Optional.of("rivet-worker.service"),
            OptionalLong.of(6), Optional.of("restarted 6 times"), Optional.of("asyncpg"), 30);

    private static TestCase test(List<ExpectedIncident> expected) {
        return new TestCase("crash loop", "systemd.vigil", 22, List.of(), expected, expected.isEmpty());
    }

    private static ObservedIncident observed(long count) {
        return new ObservedIncident("restart_burst", "rivet-worker.service", count,
                "rivet-worker.service restarted " + count + " times in 10m",
                "ModuleNotFoundError: No module named 'asyncpg'");
    }

    @Test
    void shouldPassWhenEveryExpectationHasItsIncidentAndNothingIsLeft() {
        TestVerdict verdict = TestVerdict.of(test(List.of(BURST)), List.of(observed(6)));

        assertTrue(verdict.passed());
        assertEquals("PASS crash loop\n", verdict.report());
    }

    @Test
    void shouldShowTheClosestIncidentWhenAnExpectationIsMissed() {
        TestVerdict verdict = TestVerdict.of(test(List.of(BURST)), List.of(observed(5)));

        assertEquals("""
                FAIL systemd.vigil:22 crash loop
                  line 30: missing   expect restart_burst subject "rivet-worker.service" count 6 summary contains \
                "restarted 6 times" cause contains "asyncpg"
                    closest:   restart_burst subject "rivet-worker.service" count 5 summary \
                "rivet-worker.service restarted 5 times in 10m" cause "ModuleNotFoundError: No module named 'asyncpg'"
                  unexpected: restart_burst subject "rivet-worker.service" count 5 summary \
                "rivet-worker.service restarted 5 times in 10m" cause "ModuleNotFoundError: No module named 'asyncpg'"
                """, verdict.report());
    }

    @Test
    void shouldFailAQuietCaseOnAnyIncident() {
        TestVerdict verdict = TestVerdict.of(test(List.of()), List.of(observed(2)));

        assertEquals(List.of("unexpected: restart_burst subject \"rivet-worker.service\" count 2 summary"
                + " \"rivet-worker.service restarted 2 times in 10m\" cause \"ModuleNotFoundError: No module named"
                + " 'asyncpg'\""), verdict.problems());
    }
}
