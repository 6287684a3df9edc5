package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.library.PatternFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How replay cuts an app log into events: by its stamps when its lines carry stamps replay reads,
 * else by the shipper's rule (indented and traceback lines join), so a log whose stamps replay does
 * not know is not read as one event.
 */
class TextFramingTest {
    private static final Path TEXT = Path.of("src/test/resources/replay/text");

    @TempDir Path dir;

    private static List<String> messages(Path log) throws Exception {
        List<Event> events = new ArrayList<>();
        new Replay(PatternFiles.load(List.of()), line -> {}).stream(
                List.of(new ReplayInput(log, InputFormat.TEXT, null, null, null, null)), new Replay.Options("h", null), events::add);
        return events.stream().map(Event::message).toList();
    }

    @Test
    void shouldGiveEveryLineOfALogWhoseStampsAreNotReadItsOwnEvent() throws Exception {
        Path log = TEXT.resolve("spark-executor-lost.log");

        assertEquals(Files.readAllLines(log), messages(log));
    }

    @Test
    void shouldJoinIndentedLinesToTheLineBeforeInALogWhoseStampsAreNotRead() throws Exception {
        List<String> lines = Files.readAllLines(TEXT.resolve("spark-oom-trace.log"));

        assertEquals(List.of(lines.get(0), String.join("\n", lines.subList(1, 5))), messages(TEXT.resolve("spark-oom-trace.log")));
    }

    @Test
    void shouldStillJoinAnUnindentedLineWithoutStampToTheStampedLineBefore() throws Exception {
        // logback prints a throwable's class on the line after the message, not indented
        Path log = Files.writeString(dir.resolve("app.log"), """
                2026-03-05 08:00:03,017 ERROR o.s.boot.SpringApplication - Application run failed
                java.lang.IllegalStateException: Failed to execute CommandLineRunner
                \tat org.springframework.boot.SpringApplication.callRunner(SpringApplication.java:787)
                2026-03-05 08:00:04,001 INFO o.s.boot.SpringApplication - Shutting down
                """);

        assertEquals(2, messages(log).size(), messages(log).toString());
    }
}
