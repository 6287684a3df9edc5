package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** State stays bounded by dropping the oldest partial match or kill at a limit: each drop is counted, the first of a pattern logged. */
class LimitDropsTest {
    private static final Instant T0 = Instant.parse("2026-01-12T07:00:00Z");
    /** Seed 001 (shared/seeds): the kernel's line for the kill of uvicorn. */
    private static final String KILL = "Out of memory: Killed process 632846 (uvicorn) total-vm:1852340kB, anon-rss:307200kB,"
            + " file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1024kB oom_score_adj:0";

    private final Logger log = (Logger) LoggerFactory.getLogger(LimitDrops.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void release() {
        log.detachAppender(logged);
    }

    @Test
    void shouldCountEveryPartialDroppedAtTheLimitAndLogTheFirstOnce() {
        PatternSet set = TestPatterns.compile("limits.vigil", """
                pattern kill_then_silence {
                  sequence within 1h {
                    step kill: kernel where message ~ /Killed process (?<victim_pid>\\d+)/
                    step gone: journald where message contains "Stopped"
                  }
                  type killed_then_stopped
                  summary "{kill.victim_pid} killed, then stopped"
                }
                """);
        PatternEngine engine = new PatternEngine(() -> set, EngineState.inMemory());
        // the limit is 16 open partials per pattern and key: four more first steps drop the four oldest
        for (int i = 0; i < 20; i++) {
            engine.onEvent(kernel(i, KILL), T0.plusSeconds(i), T0.plusSeconds(i));
        }

        assertEquals(Map.of("partial", 4L, "kill", 0L), engine.droppedAtLimit());
        assertEquals(List.of("Dropped the oldest entry at its limit; further drops of this pattern are counted, not logged"
                + " what=partial pattern=kill_then_silence host=web-1 limit=16"), warnings());
    }

    @Test
    void shouldCountEveryKillForgottenAtTheLimit() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        PatternEngine engine = new PatternEngine(() -> library, EngineState.inMemory());
        // a minute apart: each is its own OOM episode (quiet 5s), and each is remembered for linking
        for (int i = 0; i < 22; i++) {
            engine.onEvent(kernel(i * 60, KILL), T0.plusSeconds(i * 60), T0.plusSeconds(i * 60));
        }

        assertEquals(2L, engine.droppedAtLimit().get("kill"), "20 kills are remembered per host");
        // the library's sequences that begin with a kill drop partials too; the kills are logged once
        List<String> kills = warnings().stream().filter(w -> w.contains("what=kill")).toList();
        assertEquals(1, kills.size(), warnings().toString());
        assertTrue(kills.get(0).endsWith("what=kill pattern=kernel_oom_kill host=web-1 limit=20"), kills.toString());
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Event kernel(int seconds, String message) {
        return Event.builder("web-1", Source.KERNEL, T0.plusSeconds(seconds), message).id("k-" + seconds).build();
    }
}
