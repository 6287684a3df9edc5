package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.lang.PatternParser;
import java.time.Instant;
import java.util.List;

/** Compiles pattern text for tests, failing on any diagnostic. */
final class Patterns {
    static final Instant T0 = Instant.parse("2026-02-08T21:41:47Z");

    private Patterns() {}

    static List<CompiledPattern> compile(String text) {
        PatternParser.Result parsed = PatternParser.parse("t.vigil", text);
        assertEquals(List.of(), parsed.diagnostics());
        PatternCompiler.Result compiled = PatternCompiler.compile(parsed.file());
        assertEquals(List.of(), compiled.diagnostics());
        return compiled.patterns();
    }

    static CompiledPattern one(String body) {
        return compile("pattern p {\n" + body + "\n  type t\n  summary \"s\"\n}\n").get(0);
    }

    static Event event(Source source, String message) {
        return Event.builder("web-1", source, T0, message).build();
    }
}
