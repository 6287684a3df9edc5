package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import org.junit.jupiter.api.Test;

/** A regex reads at most the first 64 KiB of a field: counted, and a match there still found. */
class MatchBudgetTest {
    private static final int MEGABYTE = 1 << 20;

    @Test
    void shouldFindAMatchInThePartReadOfAMegabyteLineAndCountTheCut() {
        CompiledPattern p = Patterns.one("match file where message ~ /[^\\x00]{1000}(?<tail>ZQ)/");
        Event e = Patterns.event(Source.FILE, "x".repeat(2_000) + "ZQ" + "y".repeat(MEGABYTE));
        long before = MatchBudget.cuts();

        Match match = p.match(e).orElseThrow();

        assertEquals("ZQ", match.capture("tail"));
        assertEquals(before + 1, MatchBudget.cuts());
        assertEquals(2_002 + MEGABYTE, e.message().length(), "the event keeps its whole line");
    }

    @Test
    void shouldNotReadPastTheBudget() {
        CompiledPattern p = Patterns.one("match file where message ~ /Killed process (?<pid>\\d+)/");
        long before = MatchBudget.cuts();

        assertFalse(p.match(Patterns.event(Source.FILE, "x".repeat(MatchBudget.DEFAULT_MAX_CHARS) + "Killed process 42")).isPresent());
        assertTrue(p.match(Patterns.event(Source.FILE, "x".repeat(MatchBudget.DEFAULT_MAX_CHARS - 17) + "Killed process 42")).isPresent());
        assertEquals(before + 1, MatchBudget.cuts(), "a field within the budget is read whole, uncounted");
    }

    @Test
    void shouldReadLessOfAFieldForALargeRegex() {
        assertEquals(MatchBudget.DEFAULT_MAX_CHARS, MatchBudget.charsFor(MatchBudget.DEFAULT_MAX_CHARS, 40));
        long large = RegexLimits.programSize("[^\\x00]{1000}ZQ");
        assertEquals(MatchBudget.DEFAULT_MAX_CHARS * 64L / large, MatchBudget.charsFor(MatchBudget.DEFAULT_MAX_CHARS, large));
        assertEquals(1024, MatchBudget.charsFor(MatchBudget.DEFAULT_MAX_CHARS, RegexLimits.MAX_PROGRAM_SIZE));

        CompiledPattern p = Patterns.one("match file where message ~ /[^\\x00]{1000}ZQ/");
        assertFalse(p.match(Patterns.event(Source.FILE, "x".repeat(10_000) + "ZQ")).isPresent(), "past its budget");
        assertTrue(p.match(Patterns.event(Source.FILE, "x".repeat(1_000) + "ZQ" + "y".repeat(10_000))).isPresent());
    }

    @Test
    void shouldNotMatchTheEndOfTheFieldWhereItWasCut() {
        CompiledPattern p = Patterns.one("match file where message ~ /OutOfMemoryError$/");

        assertFalse(p.match(Patterns.event(Source.FILE, "x".repeat(MatchBudget.DEFAULT_MAX_CHARS - 16) + "OutOfMemoryError and more")).isPresent());
    }

    @Test
    void shouldKeepContainsOnTheWholeField() {
        CompiledPattern p = Patterns.one("match file where message contains \"ZQ\"");

        assertTrue(p.match(Patterns.event(Source.FILE, "x".repeat(MEGABYTE) + "ZQ")).isPresent());
    }

    @Test
    void shouldNotCutACharacterOutsideTheBasicPlaneInHalf() {
        MatchBudget budget = new MatchBudget(4, "pattern=p");

        assertEquals("abc\uFFFF", budget.part("abc\uD83D\uDE00"));
        assertEquals("abcd\uFFFF", budget.part("abcd\uD83D\uDE00"));
        assertEquals("abcd", budget.part("abcd"));
    }
}
