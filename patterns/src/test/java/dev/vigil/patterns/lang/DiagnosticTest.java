package dev.vigil.patterns.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
    @Test
    void shouldRenderHeadlineSourceLineCaretAndHint() {
        Diagnostic d = Diagnostic.error("crashloop.vigil", new Pos(2, 9), "unknown-duration-unit",
                "unknown unit 'mins' in '5mins'", "use one of ms, s, m, h, d (e.g. '5m')");

        assertEquals("""
                crashloop.vigil:2:9: error[unknown-duration-unit]: unknown unit 'mins' in '5mins'
                    quiet 5mins
                          ^
                  hint: use one of ms, s, m, h, d (e.g. '5m')
                """, d.render("pattern p {\n  quiet 5mins\n}\n"));
    }

    @Test
    void shouldKeepTabsSoTheCaretLinesUp() {
        Diagnostic d = Diagnostic.warning("t.vigil", new Pos(1, 3), "c", "m", "");

        assertEquals("t.vigil:1:3: warning[c]: m\n  \tx?\n  \t ^\n", d.render("\tx?"));
    }

    @Test
    void shouldSuggestNamesWithinTwoEditsOnly() {
        assertEquals("did you mean 'threshold'?", Suggestions.didYouMean("treshold", java.util.List.of("threshold", "quiet")));
        assertEquals("did you mean 'unit'?", Suggestions.didYouMean("UNIT", java.util.List.of("unit")));
        assertEquals("", Suggestions.didYouMean("banana", java.util.List.of("unit", "message")));
    }
}
