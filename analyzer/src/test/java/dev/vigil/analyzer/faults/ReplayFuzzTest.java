package dev.vigil.analyzer.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.replay.InputFormat;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ReplayInput;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand damaged lines among the real lines of each record-per-line replay format: each
 * damaged line is reported skipped with its {@code file:line}, the replay goes on, and every real
 * line still comes out as its event. For free text (app logs, dmesg), where any line is text, the
 * same damage must not stop the replay nor change the events the real lines start.
 */
class ReplayFuzzTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());
    private static final int BAD = 10_000;
    private static final int BAD_PER_GOOD = 50;

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    @Test
    void shouldSkipEveryDamagedJournalEntryWithItsLineAndReplayEveryRealOne() throws IOException {
        List<String> real = Files.readAllLines(scenario("000-crash-loop").resolve("journal.json"));
        assertRecordFormat(InputFormat.JOURNAL_JSON, real, "__REALTIME_TIMESTAMP",
                List.of("-1", "-315619200000000", "abc", "", "99999999999999999999999"));
    }

    @Test
    void shouldSkipEveryDamagedEventLineWithItsLineAndReplayEveryRealOne() throws IOException {
        List<String> real = new ArrayList<>();
        Path journal = dir.resolve("journal.json");
        Files.copy(scenario("000-crash-loop").resolve("journal.json"), journal);
        new Replay(LIBRARY, progress::add).stream(List.of(ReplayInput.of(journal)),
                new Replay.Options(null, null), e -> real.add(dev.vigil.patterns.event.EventJson.toJson(e)));
        assertRecordFormat(InputFormat.EVENT_JSON, real, "ts",
                List.of("1960-01-01T00:00:00Z", "yesterday", "", "2026-13-45T00:00:00Z", "1999-12-31T23:59:59Z"));
    }

    @Test
    void shouldSkipEveryDamagedKmsgRecordWithItsLineAndReplayEveryRealOne() throws IOException {
        // records without continuation lines: a damaged line after a record would otherwise be read as its end
        List<String> real = Files.readAllLines(scenario("001-oom-kill-truncated-log").resolve("kmsg.txt")).stream()
                .filter(l -> !l.startsWith(" ")).toList();
        BadRecordFuzz fuzz = new BadRecordFuzz(5);
        List<String> lines = interleave(real, n -> fuzz.randomText());
        Path file = write("kmsg.txt", lines);

        List<Event> events = replay(new ReplayInput(file, InputFormat.KMSG, null, Instant.parse("2026-02-02T07:41:09.377120Z"),
                "99fa798ba6b145c11634651c0d7d616d", null));

        assertEquals(Math.min(real.size(), BAD / BAD_PER_GOOD), events.size(), "every real record");
        assertTrue(progress.contains("skipped " + BAD + " bad records in " + file), lastProgress());
    }

    @Test
    void shouldKeepEveryRealAppLogLineAnEventAmongDamagedLines() throws IOException {
        List<String> real = Files.readAllLines(scenario("002-repeated-error-signatures").resolve("assigner_worker.log"))
                .stream().filter(l -> l.startsWith("2026-")).toList();
        BadRecordFuzz fuzz = new BadRecordFuzz(7);
        Path file = write("app.log", interleave(real, n -> fuzz.randomText()));

        List<Event> events = replay(new ReplayInput(file, InputFormat.TEXT, "/tmp/app.log", null, null, ZoneId.of("UTC")));

        List<String> firstLines = events.stream().map(e -> e.message().split("\n", 2)[0]).toList();
        assertEquals(real.subList(0, Math.min(real.size(), BAD / BAD_PER_GOOD)),
                firstLines.stream().filter(l -> l.startsWith("2026-")).toList(),
                "each real line starts its own event, damaged lines only continue one");
    }

    private void assertRecordFormat(InputFormat format, List<String> real, String stamp, List<String> stamps)
            throws IOException {
        BadRecordFuzz fuzz = new BadRecordFuzz(format.ordinal());
        List<String> lines = interleave(real, n -> fuzz.damageLine(real.get(n % real.size()), n, stamp, stamps));
        Path file = write("input-" + format, lines);

        List<Event> events = replay(new ReplayInput(file, format, null, null, null, null));

        assertEquals(Math.min(real.size(), BAD / BAD_PER_GOOD), events.size(), "every real record");
        assertTrue(progress.contains("skipped " + BAD + " bad records in " + file), lastProgress());
        assertTrue(progress.stream().filter(p -> p.startsWith("skipped " + file + ":")).count() > 0,
                "bad records listed with file:line");
    }

    /** Damaged lines, a real one after every {@link #BAD_PER_GOOD} of them while real ones last. */
    private static List<String> interleave(List<String> real, java.util.function.IntFunction<String> damaged) {
        List<String> lines = new ArrayList<>();
        int good = 0;
        for (int n = 0; n < BAD; n++) {
            if (n % BAD_PER_GOOD == 0 && good < real.size()) {
                lines.add(real.get(good++));
            }
            lines.add(damaged.apply(n));
        }
        return lines;
    }

    private List<Event> replay(ReplayInput input) throws IOException {
        List<Event> events = new ArrayList<>();
        new Replay(LIBRARY, progress::add).stream(List.of(input),
                new Replay.Options("fuzz-host", Instant.parse("2026-02-02T07:41:09Z")), events::add);
        return events;
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private String lastProgress() {
        return progress.isEmpty() ? "no progress lines" : progress.get(progress.size() - 1);
    }

    private static Path scenario(String name) {
        return Stream.of(Path.of("scenarios"), Path.of("..", "scenarios")).map(p -> p.resolve(name))
                .filter(Files::isDirectory).findFirst().orElseThrow();
    }
}
