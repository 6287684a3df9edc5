package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.file.FileTailer;
import dev.vigil.shippers.file.MutableClock;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.SourceMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file shipper and replay cut the same app log (or container log) into the same events, same
 * messages and same times: both frame it by one rule ({@link dev.vigil.shippers.file.Framing}) judged
 * on the same head.
 */
class ShipperReplayFramingTest {
    @TempDir Path dir;

    private List<Event> shipped(Path log) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-14T02:11:07Z"));
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        FileTailConfig config = new FileTailConfig(List.of(FileInput.of(log.toString())), Duration.ofMillis(10),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), 1024 * 1024, ZoneOffset.UTC);
        FileTailer tailer = new FileTailer("h", config,
                new EventShipper(producer, CheckpointStore.open(dir.resolve("state")), new InFlightLimit(10_000, 1 << 24)),
                new SourceMetrics("file"), clock);
        tailer.poll();
        clock.advance(config.multilineTimeout());
        tailer.poll();
        return producer.history().stream().map(r -> EventJson.parse(r.value())).filter(e -> e.source() == Source.FILE).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "../shippers/src/test/resources/framing/spring-boot-run-failed.log",
            "../shippers/src/test/resources/framing/go-log-panic.log",
            "src/test/resources/replay/text/spark-oom-trace.log",
            "src/test/resources/replay/text/spark-executor-lost.log"})
    void shouldCutAStampedLogIntoTheSameEventsAsTheShipper(String fixture) throws Exception {
        Path log = Files.createDirectories(dir.resolve("logs")).resolve("app.log");
        Files.copy(Path.of(fixture), log);

        List<Event> shipped = shipped(log);
        List<Event> replayed = TextFramingTest.events(log);

        assertEquals(replayed.stream().map(Event::message).toList(), shipped.stream().map(Event::message).toList());
        assertEquals(replayed.stream().map(Event::ts).toList(), shipped.stream().map(Event::ts).toList());
        assertEquals(replayed.stream().map(Event::offset).toList(), shipped.stream().map(Event::offset).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../shippers/src/test/resources/multiline/go-panic.log", "src/test/resources/replay/text/minecraft-1.7.2.log"})
    void shouldCutALogWhoseStampsAreNotReadIntoTheSameEventsAsTheShipper(String fixture) throws Exception {
        // no stamp read: both join only indented and traceback lines, and a blank line ends an event and
        // makes none. Times differ (the shipper's is the read time)
        Path log = Files.createDirectories(dir.resolve("logs")).resolve("app.log");
        Files.copy(Path.of(fixture), log);

        List<Event> shipped = shipped(log);
        assertEquals(TextFramingTest.events(log).stream().map(Event::message).toList(), shipped.stream().map(Event::message).toList());
        assertEquals(List.of(), shipped.stream().filter(e -> e.message().isBlank()).toList(), "no event of a blank line");
    }

    @Test
    void shouldCutAContainersStampedOutputIntoTheSameEventsAsTheShipper() throws Exception {
        // fluent/fluent-bit#4551's CRI-O records (realworld corpus): Spring Boot's ERROR, a blank line, the unindented exception
        Path log = Files.createDirectories(dir.resolve("logs")).resolve("0.log");
        Files.copy(Path.of("src/test/resources/realworld/container/cri-o-spring-scheduled-error-signature/0.log"), log);
        List<Event> replayed = new ArrayList<>();
        new Replay(PatternFiles.load(List.of()), line -> {}).stream(
                List.of(ReplayInput.of(log)), new Replay.Options("h", null), replayed::add);

        List<Event> shipped = shipped(log);

        assertEquals(replayed.stream().map(Event::message).toList(), shipped.stream().map(Event::message).toList());
        assertEquals(replayed.stream().map(Event::ts).toList(), shipped.stream().map(Event::ts).toList());
        assertEquals(3, shipped.size(), "each run's ERROR with its exception: " + shipped);
    }

    @Test
    void shouldStampAFileByWhatItsHeadShowsInTheShipperAsInReplay() throws Exception {
        // epoch seconds in a word after others: logpai/loghub HPC/HPC_2k.log (374038f), lines 1-3, which only the
        // file's head tells from a count; each line its own event at its own time, in both
        Path log = Files.createDirectories(dir.resolve("logs")).resolve("hpc.log");
        Files.write(log, List.of(
                "134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: Component "
                        + "\\042SCSI-WWID:01000010:6005-08b4-0001-00c6-0006-3000-003d-0000\\042 is in the unavailable state (HWID=1973)",
                "350766 node-109 unix.hw state_change.unavailable 1084680778 1 Component State Change: Component "
                        + "\\042alt0\\042 is in the unavailable state (HWID=3180)",
                "344518 node-246 unix.hw state_change.unavailable 1084270955 1 Component State Change: Component "
                        + "\\042alt0\\042 is in the unavailable state (HWID=5089)"));

        List<Instant> times = List.of(Instant.parse("2004-02-26T14:12:22Z"), Instant.parse("2004-05-16T04:12:58Z"),
                Instant.parse("2004-05-11T10:22:35Z"));
        assertEquals(times, shipped(log).stream().map(Event::ts).toList());
        assertEquals(times, TextFramingTest.events(log).stream().map(Event::ts).toList());
    }
}
