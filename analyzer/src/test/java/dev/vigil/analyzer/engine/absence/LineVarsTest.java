package dev.vigil.analyzer.engine.absence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.analyzer.engine.EvidenceItem;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineVarsTest {
    private static final Instant T = Instant.parse("2026-02-11T09:58:30Z");

    @Test
    void shouldHoldAndStoreTheVariablesTheLineGives() throws IOException {
        CompiledPattern p = PatternLoader.loadLibrary().patterns().byName("app_log_truncation").orElseThrow();
        // seed 004's app log (the library's app_log_truncation test)
        Event e = Event.builder("web-1", Source.FILE, T, "127.0.0.1 - - [11/Feb/2026 09:58:30] \"GET /health HTTP/1.1\" 200 -")
                .file("/tmp/currents-app.log").pid(81946L).id("line-1").build();
        Match m = p.match(e).orElseThrow();
        Map<String, String> worked = p.variables(e, m);

        StreamState lazy = stream(new LineVars(p, e, m), e);
        StreamState plain = stream(worked, e);

        assertEquals(worked, new LineVars(p, e, m));
        assertEquals("/tmp/currents-app.log", lazy.vars().get("file"));
        assertEquals(plain, lazy);
        assertArrayEquals(StreamCodec.CODEC.encode(plain), StreamCodec.CODEC.encode(stream(new LineVars(p, e, m), e)));
        assertEquals(plain, StreamCodec.CODEC.decode(StreamCodec.CODEC.encode(lazy)));
    }

    @Test
    void shouldTellAGracefulLastLineWhenItIsFirstReadAsWhenItCame() throws IOException {
        CompiledPattern p = PatternLoader.loadLibrary().patterns().byName("app_log_truncation").orElseThrow();
        // the library's app_log_truncation test "a log that ends with a shutdown line is not truncated"
        Event shutdown = Event.builder("web-1", Source.FILE, T, "INFO: Shutting down").file("/tmp/currents-app.log")
                .id("line-2").build();
        Event health = Event.builder("web-1", Source.FILE, T, "127.0.0.1 - - [11/Feb/2026 09:58:30] \"GET /health HTTP/1.1\" 200 -")
                .file("/tmp/currents-app.log").id("line-1").build();

        StreamState graceful = read(p, shutdown);
        StreamState plain = read(p, health);

        assertEquals("line-2", graceful.line().id());
        assertEquals(true, graceful.lastGraceful());
        assertEquals(false, plain.lastGraceful());
        assertEquals(EvidenceItem.of(shutdown), graceful.last());
        StreamState stored = new StreamState(1, "app_log_truncation", "web-1", "/tmp/currents-app.log", 2, T, T,
                EvidenceItem.of(shutdown), false, true, 30_000, p.variables(shutdown, p.match(shutdown).orElseThrow()), null);
        assertEquals(stored, read(p, shutdown));
        assertArrayEquals(StreamCodec.CODEC.encode(stored), StreamCodec.CODEC.encode(read(p, shutdown)));
    }

    /** The stream as the handler keeps it after {@code e}: its last line not yet read. */
    private static StreamState read(CompiledPattern p, Event e) {
        return new StreamState(1, "app_log_truncation", "web-1", "/tmp/currents-app.log", 2, T, T,
                LastLine.of(p, e, p.match(e).orElseThrow()), false, 30_000, null);
    }

    private static StreamState stream(Map<String, String> vars, Event e) {
        return new StreamState(1, "app_log_truncation", "web-1", "/tmp/currents-app.log", 2, T, T, EvidenceItem.of(e), false,
                false, 30_000, vars, null);
    }
}
