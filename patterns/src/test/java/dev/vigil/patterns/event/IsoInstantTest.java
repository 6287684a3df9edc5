package dev.vigil.patterns.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-03-14T02:11:00Z", "2026-03-14T02:11:07.100Z",
            "2026-03-14T02:11:07.000100Z", "2026-03-14T02:11:07.000000100Z", "2026-03-14T02:11:07.999999999Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59.5Z", "1969-12-31T23:59:59.000001Z", "2024-02-29T12:00:00.010Z"})
    void shouldWriteEdgeInstantsAsInstantToStringDoes(String text) {
        Instant t = Instant.parse(text);

        assertEquals(t.toString(), IsoInstant.format(t));
    }

    @Test
    void shouldWriteEveryInstantAsInstantToStringDoes() {
        SplittableRandom random = new SplittableRandom(17);
        long from = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(random.nextLong(from, to), nanos);
            assertEquals(t.toString(), IsoInstant.format(t));
        }
    }
}
