package dev.vigil.shippers.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.shippers.syslog.SyslogEventMapper;
import dev.vigil.shippers.syslog.SyslogLineParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The level of real lines of many loggers ({@code src/test/resources/line-levels/lines.tsv},
 * sources beside it): an app-log line's through {@link LineLevel#of}, a syslog line's as the
 * syslog mapper gives its event.
 */
class LineLevelTest {
    private static final Path FIXTURE = Path.of("src/test/resources/line-levels/lines.tsv");
    private static final Instant DEC_2026 = Instant.parse("2026-12-03T05:00:00Z");

    private record Row(String mode, Integer expected, String form, String line) {
        static Row of(String tsv) {
            String[] f = tsv.split("\t", 4);
            String line = f[3].replace("<ESC>", "\u001b").replace("<NL>", "\n");
            return new Row(f[0], f[1].equals("-") ? null : Integer.valueOf(f[1]), f[2], line);
        }
    }

    private static List<Row> rows() throws IOException {
        return Files.readAllLines(FIXTURE, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(Row::of).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyRealLineGetsTheLevelItsLoggerGaveIt() throws IOException {
        return rows().stream().map(r -> DynamicTest.dynamicTest(r.mode() + " " + r.form() + ": " + r.line(), () ->
                assertEquals(r.expected(), level(r), r.line())));
    }

    @Test
    void fixtureCoversEveryFormWithAnErrorAndALineWithoutALevel() throws IOException {
        List<Row> rows = rows();
        for (String form : List.of("nginx-bracket", "apache-2.2-bracket", "apache-2.4-module-level", "log15-logfmt", "klog",
                "logrus-ansi", "jul-two-line", "jul-one-line", "aspnetcore-console", "logcat-threadtime", "postgresql",
                "pino-numeric", "lowercase-after-stamp", "log4j-upper")) {
            assertTrue(rows.stream().anyMatch(r -> r.form().equals(form) && Integer.valueOf(3).equals(r.expected())),
                    "an error line of form " + form);
        }
        assertTrue(rows.stream().filter(r -> r.expected() == null).count() >= 5, "lines without a level");
    }

    @Test
    void theFirstLevelOfTheHeadWinsOverWordsInTheMessage() throws IOException {
        // sshd's debug3 line quotes a Windows API's ERROR; dockerd's debug line has an error field
        assertEquals(7, LineLevel.of(line("lowercase-numbered-debug", 0)));
        assertEquals(7, level(rows().stream().filter(r -> r.line().contains("error=\"<nil>\"")).findFirst().orElseThrow()));
        // log15 escapes the quotes of its message: the level key outside them is the level
        assertEquals(3, LineLevel.of(line("log15-logfmt", 2)));
    }

    @Test
    void aSyslogMessageHasALevelOnlyWhereItStarts() throws IOException {
        // "Error syncing pod" is after the klog header; "Last accessed by …" says nothing of a level
        assertNull(LineLevel.atStart("Last accessed by v2 (hostid=7a95e9bb) at Thu Nov 28 12:18:57 2019"));
        assertEquals(3, LineLevel.atStart("Error: ZFS storage pool \"default\" could not be imported"));
        // the same words after the first word that is not a level are the message's text
        assertNull(LineLevel.atStart("Connection closed by MY_IP_HOME port 41180 error: kex_exchange_identification"));
    }

    @Test
    void levelsParseTheNamesLoggersWriteAndTheSyslogNames() {
        assertEquals(3, Levels.parse("err"));
        assertEquals(3, Levels.parse("SEVERE"));
        assertEquals(2, Levels.parse("fatal"));
        assertEquals(3, Levels.parse("eror"));
        assertEquals(4, Levels.parse("Warn"));
        assertEquals(7, Levels.parse("trace"));
        assertEquals(5, Levels.parse("5"));
        assertEquals(-1, Levels.ofName("errors", 0, 6));
        assertEquals(-1, Levels.ofName("I", 0, 1));
    }

    private static String line(String form, int nth) throws IOException {
        return rows().stream().filter(r -> r.form().equals(form)).skip(nth).findFirst().orElseThrow().line();
    }

    private static Integer level(Row r) {
        if (r.mode().equals("file")) {
            return LineLevel.of(r.line());
        }
        SyslogLineParser parser = new SyslogLineParser(ZoneOffset.UTC);
        return new SyslogEventMapper().toEvent(parser.parse(r.line(), DEC_2026).orElseThrow(() ->
                new AssertionError("not a syslog line: " + r.line())), null, "fallback").id("id").build().priority();
    }
}
