package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LineTimestampParserTest {
    private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
    private final LineTimestampParser parser = new LineTimestampParser(ZoneId.of("UTC"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024-01-01T12:00:00Z INFO started|2024-01-01T12:00:00Z",
            "2024-01-01T12:00:00.123+02:00 started|2024-01-01T10:00:00.123Z",
            "2024-01-01 12:00:00,123 ERROR x|2024-01-01T12:00:00.123Z",
            "INFO: 2024-01-01 12:00:00 started|2024-01-01T12:00:00Z",
            "Mar 14 02:11:07 web-1 rivet[42]: boom|2026-03-14T02:11:07Z",
            "127.0.0.1 - - [14/Mar/2024:02:11:07 +0100] \"GET / HTTP/1.1\" 200|2024-03-14T01:11:07Z",
            "INFO:     14/Mar/2024 02:11:07 request|2024-03-14T02:11:07Z",
            "1710382267 worker ready|2024-03-14T02:11:07Z",
            "1710382267.5 worker ready|2024-03-14T02:11:07.500Z",
            "1710382267123 worker ready|2024-03-14T02:11:07.123Z",
    })
    void shouldParseStampFromLine(String line, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), parser.parse(line, NOW));
    }

    @Test
    void shouldTakePreviousYearForSyslogStampInTheFuture() {
        Instant newYear = Instant.parse("2027-01-01T00:00:10Z");

        assertEquals(Optional.of(Instant.parse("2026-12-31T23:59:59Z")), parser.parse("Dec 31 23:59:59 host x", newYear));
    }

    @Test
    void shouldFindNothingInLineWithoutStamp() {
        assertEquals(Optional.empty(), parser.parse("Traceback (most recent call last):", NOW));
    }
}
