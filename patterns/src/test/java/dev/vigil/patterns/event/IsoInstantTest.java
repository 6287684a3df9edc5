package dev.vigil.patterns.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-03-14T02:11:07.398Z", "2026-03-14T02:11:07.1Z",
            "2026-03-14T02:11:07.123456789Z", "2024-02-29T23:59:59.000001Z", "2000-02-29T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z"})
    void shouldReadTheShippersFormAsInstantParseDoes(String text) {
        assertEquals(Instant.parse(text), IsoInstant.parse(text));
    }

    /** Other forms and invalid times are left to Instant.parse, which accepts or refuses them as before. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-14T02:11:07+01:00", "2026-03-14t02:11:07z", "2026-03-14T24:00:00Z",
            "2026-03-14T23:59:60Z", "2026-03-14T02:11:07.Z", "2026-03-14T02:11:07.1234567891Z", "+12026-03-14T02:11:07Z",
            "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-03-14T02:60:00Z", "2026-03-14 02:11:07Z", "2026-03-14T02:11:0xZ", "14/Mar/2026:02:11:07 +0000", ""})
    void shouldLeaveEveryOtherFormToInstantParse(String text) {
        assertNull(IsoInstant.parse(text));
    }

    @Test
    void shouldReadEveryInstantItWritesAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(23);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            // every fraction width from 1 to 9 digits, not only Instant#toString's groups of three
            String text = t.toString();
            int width = 1 + random.nextInt(9);
            String cut = t.getNano() == 0 ? text
                    : text.substring(0, 19) + "." + String.format("%09d", t.getNano()).substring(0, width) + "Z";

            assertEquals(Instant.parse(cut), IsoInstant.parse(cut), cut);
        }
    }
}
