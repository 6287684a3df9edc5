package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.topology.InlineIntake;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.library.PatternFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay prepares events (intake, signature choice, miner) on its reading thread, ahead of the
 * engine: what comes out is what the analyzer makes of the same events in line, record for
 * record, and a refused event is counted by the analyzer as before.
 */
class IntakeAheadTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());
    private static final Path SYSLOG = Path.of("src/test/resources/replay/syslog");

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheIncidentsOfTheInLineAnalyzerWithTheIntakeAhead() throws IOException {
        // real logs: a crash loop and OOM kills in a journal, and an app log whose errors a signature pattern counts
        Path journal = Files.copy(SYSLOG.resolve("crash-loop-and-oom.journal.json"), dir.resolve("journal.json"));
        Path appLog = dir.resolve("architect_assigner_worker.log");
        try (InputStream in = PatternSet.class.getResourceAsStream("/vigil/library/fixtures/seed-002-assigner-errors.log")) {
            Files.copy(in, appLog);
        }
        List<ReplayInput> inputs = List.of(new ReplayInput(journal, null, null, null, null, ZoneOffset.UTC),
                new ReplayInput(appLog, null, null, null, null, ZoneOffset.UTC));
        Replay replay = new Replay(LIBRARY, line -> { });
        Replay.Options options = new Replay.Options(null, null);

        List<Event> events = new ArrayList<>();
        replay.stream(inputs, options, events::add);
        List<String> inLine;
        try (OfflineAnalyzer analyzer = new OfflineAnalyzer(LIBRARY)) {
            events.forEach(analyzer::feed);
            inLine = json(analyzer.finish());
        }
        List<String> ahead = json(replay.run(inputs, options).incidents());

        assertEquals(inLine, ahead);
        assertEquals(List.of("error_signature", "oom_kill", "restart_burst", "unit_failed", "unit_start_limit"),
                ahead.stream().map(j -> IncidentJson.parse(j.getBytes()).type()).distinct().sorted().toList());
    }

    @Test
    void shouldCountAnEventRefusedOnTheOtherThreadAndRunTheRest() throws Exception {
        Path appLog = dir.resolve("architect_assigner_worker.log");
        try (InputStream in = PatternSet.class.getResourceAsStream("/vigil/library/fixtures/seed-002-assigner-errors.log")) {
            Files.copy(in, appLog);
        }
        List<Event> events = new ArrayList<>();
        new Replay(LIBRARY, line -> { }).stream(List.of(new ReplayInput(appLog, null, null, null, null, ZoneOffset.UTC)),
                new Replay.Options(null, null), events::add);
        // the second event as a host with a dead clock battery would send it
        List<Event> withRefused = new ArrayList<>(events);
        withRefused.add(1, events.get(1).toBuilder().ts(Instant.parse("1999-12-31T23:59:59Z")).build());

        List<String> inLine;
        try (OfflineAnalyzer analyzer = new OfflineAnalyzer(LIBRARY)) {
            events.forEach(analyzer::feed);
            inLine = json(analyzer.finish());
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (OfflineAnalyzer analyzer = new OfflineAnalyzer(LIBRARY)) {
            List<InlineIntake.Prepared> prepared = other.submit(() -> withRefused.stream().map(analyzer::prepare).toList())
                    .get();
            prepared.forEach(analyzer::feed);
            List<String> ahead = json(analyzer.finish());

            assertEquals(1, analyzer.deadLettered());
            assertFalse(ahead.isEmpty());
            // text lines bring their ids (file offsets), so the refused event's position changes none
            assertEquals(inLine, ahead);
        } finally {
            other.shutdownNow();
        }
    }

    private static List<String> json(List<Incident> incidents) {
        return incidents.stream().map(IncidentJson::toJson).toList();
    }
}
