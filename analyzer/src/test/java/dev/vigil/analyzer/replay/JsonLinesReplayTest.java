package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structured application logs (JSON lines, logfmt) in replay: told from Vigil's own event JSON,
 * one event per line, each with the time its line names.
 */
class JsonLinesReplayTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());
    private static final Path FIXTURES = Path.of("src/test/resources/replay/jsonlines");
    /** zap's production output (OpenTelemetry's OpAMP supervisor, opentelemetry.io docs). */
    private static final String ZAP = "{\"level\":\"info\",\"ts\":1745154644.746028,\"logger\":\"supervisor\","
            + "\"caller\":\"supervisor/supervisor.go:340\",\"msg\":\"Supervisor starting\","
            + "\"id\":\"01965352-9958-72da-905c-e40329c32c64\"}";
    private static final String ZAP_2 = "{\"level\":\"info\",\"ts\":1745154644.74608,\"logger\":\"supervisor\","
            + "\"caller\":\"supervisor/supervisor.go:1086\",\"msg\":\"No last received remote config found\"}";
    /** pino's README output (pinojs/pino). */
    private static final String PINO = "{\"level\":30,\"time\":1531171074631,\"msg\":\"hello world\",\"pid\":657,"
            + "\"hostname\":\"Davids-MBP-3.fritz.box\"}";

    @TempDir Path dir;

    private static String event(String message) {
        return new String(EventJson.toBytes(Event.builder("web-1", Source.FILE, Instant.parse("2026-03-14T02:11:07Z"), message)
                .file("/var/log/app.log").build()), StandardCharsets.UTF_8);
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static List<Event> read(Path p) throws IOException {
        List<Event> events = new ArrayList<>();
        try (TextLogReader r = new TextLogReader(p, "web-1", p.toString(), ZoneOffset.UTC, BadRecords.unreported(p))) {
            for (Event e; (e = r.next()) != null; ) {
                events.add(e);
            }
        }
        return events;
    }

    @Test
    void shouldReadAnAppsJsonLinesAsAnAppLogAndVigilsEventsAsEvents() {
        assertEquals(InputFormat.TEXT, InputFormat.detect(ZAP));
        assertEquals(InputFormat.TEXT, InputFormat.detect(PINO));
        assertEquals(InputFormat.TEXT, InputFormat.detect("{}"));
        assertEquals(InputFormat.EVENT_JSON, InputFormat.detect(event("worker started")));
        assertEquals(InputFormat.JOURNAL_JSON, InputFormat.detect("{\"__CURSOR\":\"s=1\",\"MESSAGE\":\"x\"}"));
    }

    @Test
    void shouldReadEventsWhoseFirstLineIsBrokenAsEventsWhenALaterLineIsOne() {
        String cut = event("worker started").substring(0, 30);
        String noHost = "{\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"x\"}";
        assertEquals(InputFormat.EVENT_JSON, InputFormat.detect(List.of(cut, event("worker started"))));
        assertEquals(InputFormat.EVENT_JSON, InputFormat.detect(List.of(noHost, event("worker started"))));
        assertEquals(InputFormat.TEXT, InputFormat.detect(List.of(ZAP, ZAP_2, PINO)));
        assertEquals(InputFormat.TEXT, InputFormat.detect(List.of(cut)));
    }

    @Test
    void shouldGiveEveryJsonLineItsOwnEventAndTimeAndJoinOnlyUnstampedTextToTheLineBefore() throws IOException {
        Path log = write("app.log", ZAP, "{\"level\":\"info\",\"msg\":\"no time field\"}", "  continued text", PINO);

        List<Event> events = read(log);

        assertEquals(List.of(ZAP, "{\"level\":\"info\",\"msg\":\"no time field\"}\n  continued text", PINO),
                events.stream().map(Event::message).toList());
        // the line without a time takes the time of the line before, as any unstamped first line does
        assertEquals(List.of(Instant.parse("2025-04-20T13:10:44.746028Z"), Instant.parse("2025-04-20T13:10:44.746028Z"),
                Instant.parse("2018-07-09T21:17:54.631Z")), events.stream().map(Event::ts).toList());
    }

    @Test
    void shouldReplaySlogJsonErrorsThatRepeatAsOneErrorSignatureEach() throws IOException {
        List<String> progress = new ArrayList<>();
        Path log = Files.copy(FIXTURES.resolve("slog-errors.log"), dir.resolve("api.log"));

        Replay.Result result = new Replay(LIBRARY, progress::add)
                .run(List.of(new ReplayInput(log, null, null, null, null, ZoneOffset.UTC)), new Replay.Options(null, null));

        assertEquals(8, result.events());
        assertEquals(List.of(), progress, "every line read");
        List<Incident> signatures = result.incidents().stream().filter(i -> i.type().equals("error_signature")).toList();
        assertEquals(3, signatures.size(), result.incidents().toString());
        for (Incident i : signatures) {
            assertEquals(2, i.count(), i.summary());
            // 17:33:03 and 17:44:46 at -03:00: the lines' own times, not the file's
            assertTrue(i.summary().startsWith("2 times since 2025-08-07T20:33:03.46"), i.summary());
        }
        assertTrue(signatures.stream().anyMatch(i -> i.summary().contains("\"msg\":\"Error rolling back transaction\"")),
                signatures.toString());
    }
}
