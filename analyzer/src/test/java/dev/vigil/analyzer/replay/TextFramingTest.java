package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.library.PatternFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How replay cuts an app log into events: by its stamps when its lines carry stamps replay reads,
 * else by the shipper's rule (indented and traceback lines join), so a log whose stamps replay does
 * not know is not read as one event.
 */
class TextFramingTest {
    private static final Path TEXT = Path.of("src/test/resources/replay/text");

    /** The events replay makes of the app log {@code log}. */
    static List<Event> events(Path log) throws Exception {
        List<Event> events = new ArrayList<>();
        new Replay(PatternFiles.load(List.of()), line -> {}).stream(
                List.of(new ReplayInput(log, InputFormat.TEXT, null, null, null, ZoneOffset.UTC)), new Replay.Options("h", null),
                events::add);
        return events;
    }

    private static List<String> messages(Path log) throws Exception {
        return events(log).stream().map(Event::message).toList();
    }

    @Test
    void shouldGiveEveryLineOfALogWhoseStampsAreNotReadItsOwnEvent() throws Exception {
        // the time of day alone is no stamp replay reads: joining every line without one would make the log one event
        Path log = TEXT.resolve("minecraft-1.7.2.log");

        assertEquals(Files.readAllLines(log), messages(log));
    }

    @Test
    void shouldJoinLinesWithoutStampToTheStampedLineBeforeInAStampedLog() throws Exception {
        List<String> lines = Files.readAllLines(TEXT.resolve("spark-oom-trace.log"));

        assertEquals(List.of(lines.get(0), String.join("\n", lines.subList(1, 5))), messages(TEXT.resolve("spark-oom-trace.log")));
    }

    @Test
    void shouldReadLog4jShortStampsAsTheTimeOfEachLine() throws Exception {
        Path log = TEXT.resolve("spark-executor-lost.log");

        List<Event> events = events(log);

        assertEquals(Files.readAllLines(log), events.stream().map(Event::message).toList());
        assertEquals(Instant.parse("2021-02-03T08:18:39Z"), events.get(0).ts());
    }
}
