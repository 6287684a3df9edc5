package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lint.PatternLinter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RegexLimitsTest {
    /** 2,000 nested groups: every recursive pass over the regex overflowed the stack. */
    private static final String DEEP = "(".repeat(2_000) + "a" + ")".repeat(2_000);

    @Test
    void shouldMeasureNestingOutsideEscapesAndClasses() {
        assertEquals(0, RegexLimits.nesting("a\\(b[(]"));
        assertEquals(3, RegexLimits.nesting("((a)(b(c)))"));
        assertEquals(2_000, RegexLimits.nesting(DEEP));
    }

    @Test
    void shouldEstimateTheProgramOfNestedCountsAsTheirProduct() {
        assertTrue(RegexLimits.programSize("a{100}") >= 100);
        assertTrue(RegexLimits.programSize("(a{100}){100}") >= 10_000);
        assertTrue(RegexLimits.programSize("((((a{100}){100}){100}){100})") > RegexLimits.MAX_PROGRAM_SIZE);
        assertTrue(RegexLimits.programSize("^(?<unit>\\S+): Scheduled restart job, restart counter is at (?<n>\\d+)\\.")
                < RegexLimits.LARGE_PROGRAM_SIZE);
    }

    @Test
    void shouldNameWhyARegexIsRefused() {
        assertEquals("groups nest 2000 deep, more than the limit of 100", RegexLimits.violation(DEEP).reason());
        assertEquals("it compiles to more than 100000 instructions (counted repetitions multiply)",
                RegexLimits.violation("((((a{100}){100}){100}){100})").reason());
        assertNull(RegexLimits.violation("[^\\x00]{1000}ZQ"));
    }

    @Test
    void shouldGiveNoLiteralsForARegexTooDeepToAnalyse() {
        assertNull(RequiredLiterals.ofRegex(DEEP + "needle"));
    }

    @Test
    @Timeout(20)
    void shouldRefuseBothRegexesWithADiagnosticInsteadOfExhaustingTheJvm() {
        for (String regex : List.of("((((a{100}){100}){100}){100})", DEEP)) {
            String text = "pattern p {\n  match file where message ~ /" + regex + "/\n  type t\n  summary \"s\"\n}\n";

            PatternLinter.Result result = PatternLinter.lint("p.vigil", text);

            assertEquals(List.of("regex-too-complex"), result.diagnostics().stream().map(Diagnostic::code).toList());
            assertTrue(result.patterns().isEmpty());
        }
    }
}
