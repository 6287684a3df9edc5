package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A set that prepares events ahead on one thread hands its scan of an event to a set of the same
 * patterns that runs the engine on another: that set answers for the event without scanning it.
 */
class PatternSetScanTest {
    private static final String PATTERNS = """
            pattern env_errors { match file where message ~ /Failed to (get|create) environment/ type t summary "s" }
            pattern ports { match file where message ~ /No available ports/ type t summary "s" }
            """;

    @Test
    void shouldAnswerForAnEventWithTheScanAnotherSetMadeOfIt() {
        List<CompiledPattern> patterns = Patterns.compile(PATTERNS);
        PatternSet ahead = new PatternSet(patterns);
        PatternSet engine = new PatternSet(patterns);
        // a real line of the standard library's app-log fixture (seed-002)
        Event e = Patterns.event(Source.FILE,
                "Failed to create environment: RuntimeError: No available ports for new environment");

        engine.take(ahead.scanOf(e));

        List<CompiledPattern> found = engine.candidates(e);
        assertEquals(List.of("env_errors", "ports"), found.stream().map(CompiledPattern::name).toList());
        assertSame(ahead.candidates(e), found);
    }

    @Test
    void shouldScanAnEventItWasNotHandedTheScanOf() {
        List<CompiledPattern> patterns = Patterns.compile(PATTERNS);
        PatternSet ahead = new PatternSet(patterns);
        PatternSet engine = new PatternSet(patterns);
        Event taken = Patterns.event(Source.FILE, "Failed to get environment info: Expecting value: line 1 column 1 (char 0)");
        Event other = Patterns.event(Source.FILE, "Failed to create environment: RuntimeError: No available ports for new environment");

        engine.take(ahead.scanOf(taken));

        assertEquals(List.of("env_errors", "ports"), engine.candidates(other).stream().map(CompiledPattern::name).toList());
        assertNotSame(ahead.candidates(other), engine.candidates(other));
    }
    @Test
    void shouldGiveEachSourceItsOwnCandidatesForAMessageOfTheSameLiterals() {
        PatternSet set = new PatternSet(Patterns.compile("""
                pattern oom { match kernel where message ~ /Killed process/ type t summary "s" }
                pattern app { match file where message ~ /ERROR/ type t summary "s" }
                """));
        // a real kernel line (seed-001's OOM kill); the same text read from a file is no kernel event
        String line = "Out of memory: Killed process 632846 (uvicorn) total-vm:1852340kB, anon-rss:307200kB, "
                + "file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1024kB oom_score_adj:0";

        // asked in turn, so what a source's first event found is known when the other's comes
        assertEquals(List.of(), set.candidates(Patterns.event(Source.FILE, line)));
        assertEquals(List.of("oom"), set.candidates(Patterns.event(Source.KERNEL, line)).stream().map(CompiledPattern::name).toList());
        assertEquals(List.of(), set.candidates(Patterns.event(Source.FILE, line)));
        assertEquals(List.of("oom"), set.candidates(Patterns.event(Source.KERNEL, line)).stream().map(CompiledPattern::name).toList());
    }
}
