package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.SourceMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Random sequences of write, rotate (rename, then a new file), copytruncate, delete and read run
 * against the real tailer and a model of what was written. Without truncation every line must be
 * shipped exactly once; with truncation nothing is invented or duplicated, and every line written
 * after a file's last truncation is shipped. A file deleted before any read found it can not be
 * read by anyone: the model drops its lines.
 */
class FileTailerModelTest {

    sealed interface Action permits Write, Rotate, Truncate, Delete, Poll {}

    record Write(int lines) implements Action {}

    record Rotate() implements Action {}

    record Truncate() implements Action {}

    record Delete() implements Action {}

    record Poll() implements Action {}

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> write = Arbitraries.integers().between(1, 5).map(Write::new);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, write),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(new Poll())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Rotate())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Truncate())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Delete())));
        return action.list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Action>> actionsWithoutTruncation() {
        return actions().map(list -> list.stream().filter(a -> !(a instanceof Truncate)).toList())
                .filter(list -> !list.isEmpty());
    }

    @Property(tries = 60)
    void shouldShipEveryLineExactlyOnceWithoutTruncation(@ForAll("actionsWithoutTruncation") List<Action> actions)
            throws Exception {
        Outcome outcome = run(actions);

        assertEquals(outcome.written, new LinkedHashSet<>(outcome.shipped), "lines shipped");
        assertEquals(outcome.shipped.size(), new HashSet<>(outcome.shipped).size(), "no line shipped twice");
    }

    @Property(tries = 60)
    void shouldStayWithinBoundsWithTruncation(@ForAll("actions") @Size(min = 1) List<Action> actions) throws Exception {
        Outcome outcome = run(actions);

        assertTrue(outcome.written.containsAll(outcome.shipped), "nothing invented: " + outcome.shipped);
        assertEquals(outcome.shipped.size(), new HashSet<>(outcome.shipped).size(), "no line shipped twice");
        assertTrue(new HashSet<>(outcome.shipped).containsAll(outcome.writtenAfterLastTruncation),
                "lines written after the last truncation all shipped");
    }

    /** What was written and what the tailer shipped. */
    private record Outcome(Set<String> written, Set<String> writtenAfterLastTruncation, List<String> shipped) {}

    private Outcome run(List<Action> actions) throws Exception {
        Path dir = Files.createTempDirectory("vigil-tailer-model-");
        try {
            return runIn(dir, actions);
        } finally {
            deleteRecursively(dir);
        }
    }

    private Outcome runIn(Path dir, List<Action> actions) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path log = logs.resolve("app.log");
        Files.createFile(log);
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        MutableClock clock = new MutableClock(Instant.parse("2026-03-14T02:11:07Z"));
        FileTailConfig config = new FileTailConfig(List.of(new FileInput(logs + "/app.log*", false)),
                Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofHours(1), 1024,
                ZoneId.of("UTC"));
        EventShipper shipper = new EventShipper(producer, CheckpointStore.open(dir.resolve("state")),
                new InFlightLimit(100_000, 1 << 26));
        FileTailer tailer = new FileTailer("web-1", config, shipper, new SourceMetrics("file"), clock);
        Set<String> written = new LinkedHashSet<>();
        Set<String> sinceTruncation = new LinkedHashSet<>();
        Set<String> unseen = new LinkedHashSet<>();
        boolean seen = false;
        int next = 0;
        int rotations = 0;
        for (Action a : actions) {
            if (a instanceof Write w) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < w.lines(); i++) {
                    String line = "line-" + next++;
                    text.append(line).append('\n');
                    written.add(line);
                    sinceTruncation.add(line);
                    if (!seen) {
                        unseen.add(line);
                    }
                }
                Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else if (a instanceof Rotate) {
                if (Files.exists(log)) {
                    Files.move(log, logs.resolve("app.log." + ++rotations));
                }
                Files.createFile(log);
                unseen.clear(); // the rotated file still matches the glob: it will be found
                seen = false;
            } else if (a instanceof Truncate) {
                if (Files.exists(log)) {
                    Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
                }
                sinceTruncation.clear();
            } else if (a instanceof Delete) {
                Files.deleteIfExists(log);
                written.removeAll(unseen);
                sinceTruncation.removeAll(unseen);
                unseen.clear();
                seen = false;
            } else {
                tailer.poll();
                seen = Files.exists(log);
                unseen.clear();
            }
        }
        tailer.poll();
        tailer.close();
        List<String> shipped = new ArrayList<>();
        producer.history().stream().map(r -> EventJson.parse(r.value()))
                .filter(e -> e.source() == Source.FILE).map(Event::message).forEach(shipped::add);
        return new Outcome(written, sinceTruncation, shipped);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
