package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredLineTimeTest {
    private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
    private final StructuredLineTime times = new StructuredLineTime(new LeadingIsoStamp(ZoneId.of("UTC")));
    private final LineTimestampParser parser = new LineTimestampParser(ZoneId.of("UTC"));

    /** The real lines of structured/loggers.tsv (see SOURCES), each with the instant its time field gives. */
    private static List<String[]> loggerLines() throws IOException {
        try (InputStream in = StructuredLineTimeTest.class.getResourceAsStream("/structured/loggers.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split("\t", 2)).toList();
        }
    }

    @Test
    void shouldStampEveryLoggersLineWithItsOwnTimeFieldThroughTheSharedParser() throws IOException {
        List<String[]> rows = loggerLines();
        assertEquals(16, rows.size());
        for (String[] row : rows) {
            assertEquals(Optional.of(Instant.parse(row[0])), parser.parse(row[1], NOW), row[1]);
        }
    }

    @Test
    void shouldReadATimeFieldPastTheFirst64CharactersWhereTheStampSearchStops() {
        // bunyan writes "time" after "msg": 103 characters in, here after a long message
        String line = "{\"name\":\"myapp\",\"hostname\":\"banana.local\",\"pid\":40161,\"level\":30,"
                + "\"msg\":\"a message long enough to push the time out of the stamp search window\","
                + "\"time\":\"2013-01-04T18:46:23.851Z\",\"v\":0}";
        assertEquals(Optional.empty(), parser.search(line, NOW));
        assertEquals(Instant.parse("2013-01-04T18:46:23.851Z"), times.parse(line));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"time\":1516134303}|2018-01-16T20:25:03Z",
            "{\"ts\":1516134303.5}|2018-01-16T20:25:03.500Z",
            "{\"time\":1531171074631}|2018-07-09T21:17:54.631Z",
            "{\"time\":1531171074631.25}|2018-07-09T21:17:54.631250Z",
            "{\"time\":1531171074631123}|2018-07-09T21:17:54.631123Z",
            "{\"time\":1531171074631123456}|2018-07-09T21:17:54.631123456Z",
            "{\"ts\":\"1516134303\"}|2018-01-16T20:25:03Z",
            "{\"timeMillis\":1493121664118,\"thread\":\"main\"}|2017-04-25T12:01:04.118Z",
    })
    void shouldReadEpochNumbersByTheirDigits(String line, String expected) {
        assertEquals(Instant.parse(expected), times.parse(line));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"t\":5,\"msg\":\"took 5 s\"}",
            "{\"ts\":153117107463,\"msg\":\"12 digits are no unit\"}",
            "{\"time\":99999999999999,\"msg\":\"14 digits\"}",
            "{\"time\":1.5e9}",
            "{\"time\":4102444800}",
            "{\"time\":\"2024-13-45T99:99:99Z\"}",
            "{\"time\":\"yesterday\"}",
            "{\"time\":true}",
            "{\"req\":{\"time\":1516134303},\"msg\":\"nested, not the line's\"}",
            "{\"count\":1516134303,\"msg\":\"not a time key\"}",
            "{\"time\"1516134303}",
            "count=5 t=12 msg=\"a short count\"",
            "ts=1.5 msg=x",
            "at=2022-11-08T15:28:26Z msg=\"not a time key\"",
            "Traceback (most recent call last):",
    })
    void shouldReadNothingFromAValueThatIsNoTime(String line) {
        assertNull(times.parse(line));
    }

    @Test
    void shouldTakeTheNextTimeKeyWhenTheFirstHoldsNoTime() {
        assertEquals(Instant.parse("2018-01-16T20:25:03Z"), times.parse("{\"t\":12,\"ts\":1516134303,\"msg\":\"x\"}"));
    }

    @Test
    void shouldSkipStringsAndNestedValuesThatHoldQuotesAndBraces() {
        String line = "{\"msg\":\"a \\\"quoted\\\" {brace}, \\\"time\\\":1\",\"ctx\":{\"a\":[1,{\"b\":\"}\"}]},"
                + "\"time\":\"2022-11-08T15:28:26Z\"}";
        assertEquals(Instant.parse("2022-11-08T15:28:26Z"), times.parse(line));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ts=1494567715.2891 level=info msg=x|2017-05-12T05:41:55.289100Z",
            "level=error msg=\"a message long enough to push the time past sixty-four characters\" time=\"2015-03-26T01:27:38-04:00\"|2015-03-26T05:27:38Z",
    })
    void shouldReadLogfmtTimeAnywhereInTheLine(String line, String expected) {
        assertEquals(Instant.parse(expected), times.parse(line));
    }

    @Test
    void shouldLeaveATextLineWithATimeKeyAmongItsWordsToItsLeadingStamp() {
        String line = "INFO: 2024-01-01 12:00:00 request done ts=1516134303 took=5ms";
        assertNull(times.parse(line));
        assertEquals(Optional.of(Instant.parse("2024-01-01T12:00:00Z")), parser.parse(line, NOW));
    }

    @Test
    void shouldReadTheTimeOfAJsonLineCutShortBeforeTheCut() {
        assertEquals(Instant.parse("2018-01-16T20:25:03Z"), times.parse("{\"time\":1516134303,\"level\":\"debug\",\"message\":\"a line cut sh"));
        assertNull(times.parse("{\"level\":\"debug\",\"message\":\"a line cut sh"));
    }

    @Test
    void shouldTellAWholeJsonObjectLine() {
        assertTrue(StructuredLineTime.isJsonObject("{\"level\":\"info\",\"msg\":\"x\"}"));
        assertTrue(StructuredLineTime.isJsonObject("{ \"level\": \"info\" }  "));
        assertTrue(StructuredLineTime.isJsonObject("{}"));
        assertFalse(StructuredLineTime.isJsonObject("{"));
        assertFalse(StructuredLineTime.isJsonObject("  {\"indented\":1}"));
        assertFalse(StructuredLineTime.isJsonObject("{a=1, b=2}"));
        assertFalse(StructuredLineTime.isJsonObject("{\"cut\":\"short"));
    }
}
