package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one framing rule of text logs, on real lines (sources in the fixtures' SOURCES files). */
class FramingTest {
    private static final Path FRAMING = Path.of("src/test/resources/framing");
    private static final LineTimestampParser STAMPS = new LineTimestampParser(ZoneOffset.UTC);
    private static final Instant NOW = Instant.parse("2026-03-14T02:11:07Z");

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    private static boolean hasStamp(String line) {
        return STAMPS.parse(line, NOW).isPresent();
    }

    private static Framing.Head headOf(List<String> lines) {
        Framing.Head head = new Framing.Head();
        lines.forEach(line -> head.add(line, hasStamp(line)));
        return head;
    }

    @Test
    void shouldContinueTheEventWithAnUnindentedExceptionLineInAStampedLog() throws Exception {
        List<String> spring = lines(FRAMING.resolve("spring-boot-run-failed.log"));

        assertTrue(Framing.continuesStamped(spring.get(5), hasStamp(spring.get(5))), spring.get(5));
        assertFalse(Framing.continuesStamped(spring.get(3), hasStamp(spring.get(3))), "a stamped line starts an event");
    }

    @Test
    void shouldContinueTheEventWithAGoPanicsUnindentedLines() throws Exception {
        List<String> go = lines(FRAMING.resolve("go-log-panic.log"));

        for (String line : List.of(go.get(7), go.get(9), go.get(10), go.get(12), go.get(14))) {
            assertTrue(Framing.continuesStamped(line, hasStamp(line)), line);
        }
        assertFalse(Framing.continuesStamped(go.get(6), hasStamp(go.get(6))), go.get(6));
    }

    @Test
    void shouldContinueTheEventWithTheRestOfAMultiLineSqlStatementWhichTheIndentationRuleCuts() throws Exception {
        String where = lines(FRAMING.resolve("python-logging-sql.log")).get(1);

        assertTrue(Framing.continuesStamped(where, hasStamp(where)), where);
        assertFalse(MultilineRule.continues(where, false), "unindented, no traceback: in a log without stamps it starts an event");
    }

    @Test
    void shouldStartAnEventWithAWholeJsonObjectLineWhateverItsStamp() throws Exception {
        // a structured logger's event among text lines: zerolog's, from structured/loggers.tsv (see its SOURCES)
        String json = Files.readAllLines(Path.of("src/test/resources/structured/loggers.tsv")).get(2).split("\t", 2)[1];
        String prettyOpen = "{";

        assertFalse(Framing.continuesStamped(json, false));
        assertTrue(Framing.continuesStamped(prettyOpen, false), "the first line of a pretty-printed body is no whole object");
    }

    @Test
    void shouldJudgeALogStampedWhenHalfItsEventStartsHaveAStamp() throws Exception {
        assertTrue(headOf(lines(FRAMING.resolve("spring-boot-run-failed.log"))).isStamped());
        assertTrue(headOf(lines(FRAMING.resolve("go-log-panic.log"))).isStamped(),
                "7 stamped of 12 starts: the panic's frames and goroutine lines are starts by the indentation rule");
    }

    @Test
    void shouldNotJudgeALogWithoutStampsOrWithStampsOnFewOfItsStartsStamped() throws Exception {
        List<String> panic = lines(Path.of("src/test/resources/multiline/go-panic.log"));
        assertFalse(headOf(panic).isStamped(), "no stamp read");

        // one stamped line before the unstamped program output: 1 of 6 starts
        List<String> mixed = new java.util.ArrayList<>(lines(FRAMING.resolve("go-log-panic.log")).subList(6, 7));
        mixed.addAll(panic);
        assertFalse(headOf(mixed).isStamped());
    }

    @Test
    void shouldJudgeOnTheSampleAloneOnceItIsFull() throws Exception {
        List<String> go = lines(FRAMING.resolve("go-log-panic.log"));
        Framing.Head head = new Framing.Head();
        for (int i = 0; i < Framing.Head.SAMPLE; i++) {
            head.add(go.get(0), true);
        }
        assertTrue(head.isComplete());

        // a long unstamped tail after the sample changes nothing
        for (int i = 0; i < 2 * Framing.Head.SAMPLE; i++) {
            head.add(go.get(9), false);
        }
        assertTrue(head.isStamped());
    }
}
