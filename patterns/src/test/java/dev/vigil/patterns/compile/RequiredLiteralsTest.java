package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {
    @Test
    void shouldPickTheLongestLiteralRunOfARegex() {
        assertEquals(Set.of(": Scheduled restart job, restart counter is at "),
                RequiredLiterals.ofRegex("^(?<u>\\S+): Scheduled restart job, restart counter is at (?<n>\\d+)\\."));
    }

    @Test
    void shouldRequireOneLiteralPerTopLevelAlternative() {
        assertEquals(Set.of("panic: ", "fatal error: "), RequiredLiterals.ofRegex("^panic: (.+)$|^fatal error: (.+)$"));
        assertEquals(Set.of("Error", "Exception"), RequiredLiterals.ofRegex("^\\w+(?:Error|Exception): "));
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
    void shouldIgnoreCaseFlagsAndKeepTheRegexsCase() {
        assertEquals(Set.of("Shutting Down"), RequiredLiterals.ofRegex("(?i)Shutting Down"));
    }

    @Test
    void shouldLowerCaseTheLiteralsOfAConditionForThePrefilter() {
        var match = (dev.vigil.patterns.lang.Clause.Match) dev.vigil.patterns.lang.PatternParser.parse("t.vigil",
                "pattern p { match where message ~ /Killed process/ and message contains \"OOM\" }").file()
                .patterns().get(0).clauses().get(0);

        assertEquals(Set.of("killed process"), RequiredLiterals.of(match.selector().where()));
    }

    @Test
    void shouldTreatEscapedPunctuationAsText() {
        assertEquals(Set.of("status=9/KILL"), RequiredLiterals.ofRegex("status=9\\/KILL"));
        assertEquals(Set.of("[kworker"), RequiredLiterals.ofRegex("\\[kworker"));
    }

    @Test
    void shouldSkipAPosixClassInsideABracketWhole() {
        // RE2 reads [[:space:]] as one class; the ] that closes [:space:] is not a literal
        assertEquals(Set.of("killer process"), RequiredLiterals.ofRegex("OOM[[:space:]]killer process"));
        assertEquals(Set.of("Out of memory: "), RequiredLiterals.ofRegex("Out of memory: [^[:space:]]+"));
    }

    @Test
    void shouldReadACharacterCodeOrNamedClassAsOneItem() {
        // \x41 is "A", \101 is "A" in octal, \pL one letter: their digits and letters are not text
        java.util.List.of("\\x41BCD error", "\\x{41}BCD error", "\\101BCD error", "\\pLBCD error", "\\PLBCD error")
                .forEach(regex -> assertEquals(Set.of("BCD error"), RequiredLiterals.ofRegex(regex), regex));
        // quoted text is one item, and its | [ ( are text, not syntax
        assertEquals(Set.of(" failed"), RequiredLiterals.ofRegex("\\Q(a|b[\\E failed"));
    }

    @Test
    void shouldKnowNoLiteralsOfAnUnclosedGroup() {
        assertNull(RequiredLiterals.ofRegex("("));
        assertNull(RequiredLiterals.ofRegex("abc(def"));
        assertNull(RequiredLiterals.ofRegex("(?P<n>abc"));
    }
}
