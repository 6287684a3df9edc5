package dev.vigil.patterns.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.library.PatternLoader;
import dev.vigil.patterns.lint.PatternLinter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code redact} declarations in pattern files: adding, replacing and switching off rules. */
class RedactDeclarationTest {
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

    private static Redactor load(String text) {
        PatternLoader.Result r = PatternLoader.withLibrary(Map.of("site.vigil", text));
        assertFalse(r.hasErrors(), r.render());
        return r.patterns().redactor();
    }

    @Test
    void shouldAddARuleWithItsReplacementKeepingTheBuiltIns() {
        Redactor r = load("""
                redact employee-id /\\bEMP-(\\d{2})\\d{4}\\b/ replace "EMP-$1****"
                """);
        assertEquals("badge EMP-12**** password=***", r.redact("badge EMP-123456 password=hunter2"));
    }

    @Test
    void shouldMaskTheWholeMatchWhenNoReplacementIsGiven() {
        assertEquals("card *** ok", load("redact card /\\b\\d{4}-\\d{4}-\\d{4}-\\d{4}\\b/\n").redact("card 4111-1111-1111-1111 ok"));
    }

    @Test
    void shouldSwitchOffABuiltInRule() {
        Redactor r = load("redact jwt off\n");
        assertEquals("session " + JWT, r.redact("session " + JWT));
        assertTrue(r.ruleNames().contains("key-value"));
        assertFalse(r.ruleNames().contains("jwt"));
    }

    @Test
    void shouldLetAPatternFileHoldPatternsAndRedactionsInAnyOrder() {
        PatternLoader.Result r = PatternLoader.withLibrary(Map.of("site.vigil", """
                redact ticket /TCK-\\d+/
                pattern disk_full {
                  match file where message contains "No space left on device"
                  type disk_full
                  severity warning
                  summary "disk full"
                }
                redact slack-token off
                """));
        assertFalse(r.hasErrors(), r.render());
        assertTrue(r.patterns().byName("disk_full").isPresent());
        assertEquals("*** xoxb-1234567890-abcdefghij", r.patterns().redactor().redact("TCK-42 xoxb-1234567890-abcdefghij"));
    }

    @Test
    void shouldRefuseARegexThatMatchesNothingAndAReplacementNamingAMissingGroup() {
        String text = """
                redact everything /x*/
                redact two /a(b)/ replace "$2"
                """;
        String rendered = PatternLinter.lint("site.vigil", text).render();
        assertTrue(rendered.contains("site.vigil:1:"), rendered);
        assertTrue(rendered.contains("/x*/ matches the empty text"), rendered);
        assertTrue(rendered.contains("site.vigil:2:"), rendered);
        assertTrue(rendered.contains("replace \"$2\" may use $1 to $1"), rendered);
    }

    @Test
    void shouldWarnOfSwitchingOffARuleThatDoesNotExist() {
        String rendered = PatternLinter.lint("site.vigil", "redact jtw off\n").render();
        assertTrue(rendered.contains("no built-in redaction named 'jtw'"), rendered);
        assertTrue(rendered.contains("jwt"), rendered);
    }
}
