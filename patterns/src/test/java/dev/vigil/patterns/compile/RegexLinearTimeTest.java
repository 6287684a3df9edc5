package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Source;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code (a+)+$} backtracks exponentially on a backtracking engine when the line does not end
 * in 'a'; RE2/J runs it in time linear in the line, so a pattern an SRE writes cannot stall the
 * pipeline.
 */
class RegexLinearTimeTest {
    /** As long as a regex reads (the match budget): the engine alone must be linear. */
    private static final int LINE = MatchBudget.DEFAULT_MAX_CHARS - 1;
    private final CompiledPattern pathological = Patterns.one("match file where message ~ /(a+)+$/");

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldRejectALongNonMatchingLineInLinearTime() {
        String line = "a".repeat(LINE) + "!";

        assertFalse(pathological.match(Patterns.event(Source.FILE, line)).isPresent());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldMatchALongMatchingLineInLinearTime() {
        String line = "!" + "a".repeat(LINE);

        assertTrue(pathological.match(Patterns.event(Source.FILE, line)).isPresent());
    }
}
