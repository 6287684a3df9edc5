package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {
    @Test
    void shouldPickTheLongestLiteralRunOfARegex() {
        assertEquals(Set.of(": scheduled restart job, restart counter is at "),
                RequiredLiterals.ofRegex("^(?<u>\\S+): Scheduled restart job, restart counter is at (?<n>\\d+)\\."));
    }

    @Test
    void shouldRequireOneLiteralPerTopLevelAlternative() {
        assertEquals(Set.of("panic: ", "fatal error: "), RequiredLiterals.ofRegex("^panic: (.+)$|^fatal error: (.+)$"));
        assertEquals(Set.of("error", "exception"), RequiredLiterals.ofRegex("^\\w+(?:Error|Exception): "));
    }

    @Test
    void shouldDropCharactersThatAQuantifierMakesOptional() {
        assertEquals(Set.of(" shutdown"), RequiredLiterals.ofRegex("graceful(ly)? shutdown"));
        assertEquals(Set.of("abc"), RequiredLiterals.ofRegex("abcd?e*"));
        assertEquals(Set.of("xyz"), RequiredLiterals.ofRegex("(foo){0,2}xyz"));
    }

    @Test
    void shouldGiveUpWhenAnAlternativeHasNoLiteral() {
        assertNull(RequiredLiterals.ofRegex("Killed process|\\d+"));
        assertNull(RequiredLiterals.ofRegex("(a+)+$"));
        assertNull(RequiredLiterals.ofRegex("ab"));
    }

    @Test
    void shouldIgnoreCaseFlagsAndLowerCaseTheLiterals() {
        assertEquals(Set.of("shutting down"), RequiredLiterals.ofRegex("(?i)Shutting Down"));
    }

    @Test
    void shouldTreatEscapedPunctuationAsText() {
        assertEquals(Set.of("status=9/kill"), RequiredLiterals.ofRegex("status=9\\/KILL"));
        assertEquals(Set.of("[kworker"), RequiredLiterals.ofRegex("\\[kworker"));
    }
}
