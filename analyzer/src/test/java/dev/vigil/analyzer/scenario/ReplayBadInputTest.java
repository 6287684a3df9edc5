package dev.vigil.analyzer.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ReplayInput;
import dev.vigil.analyzer.replay.ScenarioFiles;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed scenarios with bad input put into their real logs (impossible stamps, lines of many
 * megabytes, a tail of NUL bytes): the bad part is cut or reported with its place and reason, and
 * the scenario's incidents come out as they do from the clean logs.
 */
class ReplayBadInputTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    @Test
    void shouldReportJournalEntriesStampedBefore2000WithTheirLineAndReplayTheRest() throws IOException {
        ScenarioFiles files = copy("000", "journal.json", lines -> {
            String real = lines.get(600);
            lines.add(600, real.replaceFirst("\"__REALTIME_TIMESTAMP\":\"\\d+\"", "\"__REALTIME_TIMESTAMP\":\"-1\""));
            lines.add(601, real.replaceFirst("\"__REALTIME_TIMESTAMP\":\"\\d+\"",
                    "\"__REALTIME_TIMESTAMP\":\"-315619200000000\""));
            return lines;
        });

        assertExpectedIncidents("000", files);
        String journal = files.inputs().get(0).path().toString();
        assertTrue(progress.contains("skipped " + journal + ":601: absurd timestamp: ts 1969-12-31T23:59:59.999999Z"
                + " is before 2000-01-01T00:00:00Z"), progress.toString());
        assertTrue(progress.contains("skipped " + journal + ":602: absurd timestamp: ts 1960-01-01T00:00:00Z"
                + " is before 2000-01-01T00:00:00Z"), progress.toString());
    }

    @Test
    void shouldCutLinesOfTensOfMegabytesAsTheShipperDoesAndKeepEveryOtherEvent() throws IOException {
        // a second app log beside the scenario's: a real line of it, that line with its message repeated
        // to 50 MB and (three times) to 10 MB, the real line again
        ScenarioFiles scenario = copy("002", "assigner_worker.log", lines -> lines);
        ReplayInput worker = scenario.inputs().get(0);
        String real = Files.readAllLines(worker.path()).get(14);
        String tail = " Expecting value: line 1 column 1 (char 0)";
        Path huge = dir.resolve("huge.log");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write((real + "\n").getBytes(StandardCharsets.UTF_8));
            for (int size : new int[] {50, 10, 10, 10}) {
                out.write((real + tail.repeat(size * MIB / tail.length()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write((real + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<ReplayInput> inputs = List.of(worker,
                new ReplayInput(huge, worker.format(), "/tmp/huge.log", null, null, worker.zone()));
        ScenarioFiles files = new ScenarioFiles(dir, scenario.host(), inputs);

        List<Event> fromHuge = new ArrayList<>();
        new Replay(LIBRARY, progress::add).stream(files.inputs(),
                new Replay.Options(files.host(), null), e -> {
                    if ("/tmp/huge.log".equals(e.file())) {
                        fromHuge.add(e);
                    }
                });

        assertEquals(6, fromHuge.size(), "each line of huge.log is one event");
        assertEquals(real, fromHuge.get(0).message());
        assertEquals(real, fromHuge.get(5).message());
        for (Event e : fromHuge.subList(1, 5)) {
            assertEquals(Set.of("line_truncated"), e.flags());
            assertEquals(MIB, e.message().getBytes(StandardCharsets.UTF_8).length, "cut at file.max_line_bytes");
            assertTrue(e.message().startsWith(real));
        }
        assertExpectedIncidents("002", files);
    }

    @Test
    void shouldSkipATailOfNulBytesWithANoteAndLoseNoIncident() throws IOException {
        ScenarioFiles files = copy("001", "backend.log", lines -> lines);
        Path backend = files.inputs().get(2).path();
        try (OutputStream out = Files.newOutputStream(backend, StandardOpenOption.APPEND)) {
            byte[] nuls = new byte[MIB];
            for (int i = 0; i < 64; i++) {
                out.write(nuls);
            }
        }

        assertExpectedIncidents("001", files);
        assertTrue(progress.stream().anyMatch(p -> p.startsWith("skipped " + backend + ":2152: 67108864 NUL bytes")),
                progress.toString());
    }

    private void assertExpectedIncidents(String scenario, ScenarioFiles files) throws IOException {
        Replay.Result result = new Replay(LIBRARY, progress::add).run(files.inputs(),
                new Replay.Options(files.host(), null));
        assertEquals(List.of(), ScenarioExpectation.read(Scenarios.named(scenario)).violations(result.incidents()));
    }

    /** The scenario's inputs copied to the temp folder, the lines of {@code name} edited. */
    private ScenarioFiles copy(String scenario, String name, UnaryOperator<List<String>> edit) throws IOException {
        ScenarioFiles original = ScenarioFiles.read(Scenarios.named(scenario));
        List<ReplayInput> inputs = new ArrayList<>();
        for (ReplayInput in : original.inputs()) {
            Path to = dir.resolve(in.path().getFileName());
            if (in.path().getFileName().toString().equals(name)) {
                byte[] raw = Files.readAllBytes(in.path());
                boolean endsWithNewline = raw.length > 0 && raw[raw.length - 1] == '\n';
                String text = String.join("\n", edit.apply(new ArrayList<>(Files.readAllLines(in.path()))));
                Files.writeString(to, endsWithNewline ? text + "\n" : text);
            } else {
                Files.copy(in.path(), to);
            }
            inputs.add(new ReplayInput(to, in.format(), in.fileName(), in.bootTime(), in.bootId(), in.zone()));
        }
        return new ScenarioFiles(dir, original.host(), inputs);
    }
}
