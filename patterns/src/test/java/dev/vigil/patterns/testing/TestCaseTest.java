package dev.vigil.patterns.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.lint.PatternLinter;
import dev.vigil.patterns.library.PatternLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCaseTest {
    private static final Instant START = Instant.parse("2026-01-12T07:00:00Z");

    private static TestCase only(String tests) {
        PatternLinter.Result r = PatternLinter.lint("t.vigil", "pattern p {\n  match journald\n  type restart_burst\n"
                + "  summary \"s\"\n" + tests + "}\n");
        assertEquals("", r.render());
        CompiledPattern p = r.patterns().get(0);
        return p.tests().get(0);
    }

    @Test
    void shouldExpandRepeatedLinesWithTheirNumberAndTime() {
        TestCase t = only("  test \"burst\" {\n    at 1m journald unit=\"a.service\" fields.N_RESTARTS=\"{i}\""
                + " \"a.service: restart counter is at {i}.\" repeat 3 every 10s\n    at 0s kernel host=\"db-1\" \"first\"\n"
                + "    expect restart_burst count 3\n  }\n");

        List<Event> events = t.events(START);

        assertEquals(List.of("first", "a.service: restart counter is at 1.", "a.service: restart counter is at 2.",
                "a.service: restart counter is at 3."), events.stream().map(Event::message).toList());
        assertEquals(List.of(START, START.plusSeconds(60), START.plusSeconds(70), START.plusSeconds(80)),
                events.stream().map(Event::ts).toList());
        assertEquals("db-1", events.get(0).host());
        assertEquals(Source.KERNEL, events.get(0).source());
        assertEquals("test-host", events.get(1).host());
        assertEquals(Map.of("N_RESTARTS", "2"), events.get(2).fields());
        assertEquals("a.service", events.get(3).unit());
    }

    @Test
    void shouldKeepEveryExpectation() {
        TestCase t = only("  test \"x\" {\n    at 0s journald \"x\"\n    expect restart_burst subject \"a.service\" count 6"
                + " summary contains \"6 times\" cause contains \"asyncpg\"\n  }\n");

        assertEquals(List.of(new ExpectedIncident("restart_burst", Optional.of("a.service"), OptionalLong.of(6),
                Optional.of("6 times"), Optional.of("asyncpg"), 7)), t.expected());
        assertEquals("expect restart_burst subject \"a.service\" count 6 summary contains \"6 times\" cause contains"
                + " \"asyncpg\"", t.expected().get(0).describe());
        assertEquals("x", t.name());
        assertEquals(5, t.line());
    }

    @Test
    void shouldReadTestLinesFromAFileBesideThePatternFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.log"), "first line\n\nsecond line\n");
        Path patternFile = dir.resolve("app.vigil");
        String text = "pattern p {\n  match file\n  type t\n  summary \"s\"\n  test \"from a file\" {\n"
                + "    at 1m file file=\"/var/log/app.log\" lines from \"app.log\" every 30s\n    expect t\n  }\n}\n";

        TestCase t = PatternLinter.lint(patternFile.toString(), text).patterns().get(0).tests().get(0);

        List<Event> events = t.events(START);
        assertEquals(List.of("first line", "second line"), events.stream().map(Event::message).toList());
        assertEquals(List.of(START.plusSeconds(60), START.plusSeconds(90)), events.stream().map(Event::ts).toList());
        assertEquals("/var/log/app.log", events.get(1).file());
    }

    @Test
    void shouldReadTestLinesThatAreNotUtf8AsTheShipperSendsThem(@TempDir Path dir) throws IOException {
        // a Latin-1 byte in a real log: the shippers send it as U+FFFD, and so does a test
        Files.write(dir.resolve("app.log"), "caf\u00e9 closed\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String text = "pattern p {\n  match file\n  type t\n  summary \"s\"\n  test \"from a file\" {\n"
                + "    at 1m file file=\"/var/log/app.log\" lines from \"app.log\" every 30s\n    expect t\n  }\n}\n";

        var linted = PatternLinter.lint(dir.resolve("app.vigil").toString(), text);

        assertEquals(List.of(), linted.diagnostics());
        assertEquals(List.of("caf\uFFFD closed"), linted.patterns().get(0).tests().get(0).events(START).stream().map(Event::message).toList());
    }

    @Test
    void shouldReadLibraryTestLinesFromTheClasspath() {
        TestCase fromFile = PatternLoader.loadLibrary().patterns().byName("app_error_signature").orElseThrow().tests()
                .stream().filter(t -> t.name().startsWith("the same lines from")).findFirst().orElseThrow();

        List<Event> events = fromFile.events(START);

        assertEquals(7, events.size());
        assertEquals(START.plusSeconds(6 * 600), events.get(6).ts());
        assertEquals("2026-02-08 10:05:25 ERROR Failed to create environment: RuntimeError: No available ports for new"
                + " environment", events.get(6).message());
    }

    @Test
    void shouldMarkQuietCases() {
        TestCase t = only("  test \"quiet\" {\n    at 0s journald \"x\"\n    expect none\n  }\n");

        assertEquals(true, t.expectNone());
        assertEquals(List.of(), t.expected());
    }
}
