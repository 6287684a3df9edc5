package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.SourceMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the shipper cuts a text file into events ({@link Framing}): in a file whose lines carry
 * stamps, a line without one continues the event before it, so an unindented exception line or a
 * Go panic stays with the stamped line it belongs to and takes its time.
 */
class FileFramingTest {
    private static final Path FRAMING = Path.of("src/test/resources/framing");
    private static final Instant T0 = Instant.parse("2026-03-14T02:11:07Z");

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private Path log;
    private CheckpointStore store;
    private FileTailer tailer;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        log = dir.resolve("logs/app.log");
        store = CheckpointStore.open(dir.resolve("state"));
        tailer = newTailer();
    }

    private FileTailer newTailer() {
        FileTailConfig config = new FileTailConfig(List.of(FileInput.of(log.toString())), Duration.ofMillis(10),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), 1024 * 1024, ZoneId.of("UTC"));
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(10_000, 1 << 24));
        return new FileTailer("web-1", config, shipper, new SourceMetrics("file"), clock);
    }

    /** Polls, then lets the multiline timeout pass and polls again, so the last event is shipped too. */
    private void settle() throws InterruptedException {
        tailer.poll();
        clock.advance(Duration.ofSeconds(1));
        tailer.poll();
    }

    private List<Event> shipped() {
        return producer.history().stream().map(r -> EventJson.parse(r.value()))
                .filter(e -> e.source() == Source.FILE).toList();
    }

    private static List<String> lines(String fixture) throws IOException {
        return Files.readAllLines(FRAMING.resolve(fixture));
    }

    /** The file events the shipper makes of {@code fixture}, found whole in the tailed file. */
    private List<Event> shipWhole(String fixture) throws Exception {
        Files.copy(FRAMING.resolve(fixture), log);
        settle();
        return shipped();
    }

    @Test
    void shouldShipASpringBootExceptionWithItsUnindentedClassLineAsOneEventAtTheErrorLinesTime() throws Exception {
        List<String> lines = lines("spring-boot-run-failed.log");

        List<Event> events = shipWhole("spring-boot-run-failed.log");

        // the blank line between "Application run failed" and the exception is kept inside the event
        assertEquals(List.of(lines.get(0), lines.get(1), lines.get(2), String.join("\n", lines.subList(3, 9))),
                events.stream().map(Event::message).toList());
        Event failed = events.get(3);
        assertEquals(Instant.parse("2018-09-13T01:11:24.804Z"), failed.ts());
        assertEquals(List.of("multiline"), List.copyOf(failed.flags()));
    }

    @Test
    void shouldShipAGoPanicAfterStampedLogLinesAsOneEventWithTheLogLine() throws Exception {
        List<String> lines = lines("go-log-panic.log");

        List<Event> events = shipWhole("go-log-panic.log");

        assertEquals(7, events.size());
        assertEquals(lines.subList(0, 6), events.subList(0, 6).stream().map(Event::message).toList());
        assertEquals(String.join("\n", lines.subList(6, 16)), events.get(6).message());
        assertEquals(Instant.parse("2018-10-14T14:27:37Z"), events.get(6).ts());
    }

    @Test
    void shouldCutAFileWrittenLineByLineAsTheWholeFileOnceItsHeadSaysItIsStamped() throws Exception {
        // judged on the lines so far as the file grows: the first line alone is a stamped log
        List<String> lines = lines("spring-boot-run-failed.log");
        for (String line : lines) {
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            tailer.poll();
        }
        clock.advance(Duration.ofSeconds(1));
        tailer.poll();

        assertEquals(List.of(lines.get(0), lines.get(1), lines.get(2), String.join("\n", lines.subList(3, 9))),
                shipped().stream().map(Event::message).toList());
    }

    @Test
    void shouldKeepEveryUnindentedLineOfALogWithoutStampsItsOwnEvent() throws Exception {
        // no stamp is read in it: joining lines without one would make the file one event
        Files.copy(Path.of("src/test/resources/multiline/go-panic.log"), log);

        settle();

        assertEquals(List.of("Exiting foo", "Exiting main", "panic: bar"),
                shipped().subList(0, 3).stream().map(Event::message).toList());
    }

    @Test
    void shouldJudgeAFileAnewAfterItIsTruncatedAndRewritten() throws Exception {
        Files.copy(Path.of("src/test/resources/multiline/go-panic.log"), log);
        settle();
        int before = shipped().size();

        // copytruncate, then the stamped program writes from the start
        Files.write(log, new byte[0]);
        tailer.poll();
        Files.write(log, Files.readAllBytes(FRAMING.resolve("go-log-panic.log")), StandardOpenOption.APPEND);
        settle();

        List<Event> after = shipped().subList(before, shipped().size());
        assertEquals(7, after.size());
        assertEquals(String.join("\n", lines("go-log-panic.log").subList(6, 16)), after.get(6).message());
    }

    @Test
    void shouldJudgeTheHeadFromTheFilesStartWhenItResumesFromACheckpoint() throws Exception {
        List<String> lines = lines("go-log-panic.log");
        Files.write(log, lines.subList(0, 6));
        settle();

        // a restart: the new tailer resumes after line 6, but judges the file by its head from offset 0,
        // not by the panic it reads next (one stamped line of six starts)
        tailer = newTailer();
        Files.write(log, lines.subList(6, 16), StandardOpenOption.APPEND);
        settle();

        List<Event> events = shipped();
        assertEquals(7, events.size());
        assertEquals(String.join("\n", lines.subList(6, 16)), events.get(6).message());
    }

    @Test
    void shouldShipNoEventForABlankLineOfAStampedLogAndMoveItsCheckpointPastIt() throws Exception {
        List<String> lines = lines("go-log-panic.log");
        Files.writeString(log, lines.get(0) + "\n\n\n" + lines.get(1) + "\n\n");

        settle();

        assertEquals(lines.subList(0, 2), shipped().stream().map(Event::message).toList());
        String key = store.positionsStartingWith("file/").keySet().iterator().next();
        assertEquals(Long.toString(Files.size(log)), store.position(key).orElseThrow(), "the blank lines after the last event are read");
    }
}
