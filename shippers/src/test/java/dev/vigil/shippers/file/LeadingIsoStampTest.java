package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written leading ISO stamp reader agrees with the regex search on every line shape. */
class LeadingIsoStampTest {
    private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
    private static final List<String> FRACTIONS = List.of("", ".", ",", ".1", ",12", ".123", ",123456", ".123456789",
            ".1234567891", ",x");
    private static final List<String> ZONES = List.of("", "Z", " Z", "+02:00", "-0530", " +01:00", "+2", "+02:0",
            "-00:00", "+19:00", "  Z", "\tZ", "z");
    private static final List<String> RESTS = List.of("", " INFO worker[42]: done", "x", " 1710382267", "\n");

    @Test
    void shouldReadTheSameStampAsTheRegexesForEveryLeadingShape() {
        SplittableRandom random = new SplittableRandom(20260314);
        for (String zone : List.of("UTC", "Europe/Berlin", "America/St_Johns")) {
            LineTimestampParser parser = new LineTimestampParser(ZoneId.of(zone));
            for (int i = 0; i < 20_000; i++) {
                String line = randomLine(random);
                assertEquals(parser.search(line, NOW), parser.parse(line, NOW), () -> zone + " line '" + line + "'");
            }
        }
    }

    @Test
    void shouldResolveLocalStampsAcrossADaylightSavingChangeInTheConfiguredZone() {
        LineTimestampParser berlin = new LineTimestampParser(ZoneId.of("Europe/Berlin"));

        assertEquals(Instant.parse("2026-03-29T00:59:59Z"), berlin.parse("2026-03-29 01:59:59 a", NOW).orElseThrow());
        assertEquals(Instant.parse("2026-03-29T01:00:00.500Z"), berlin.parse("2026-03-29 03:00:00.5 b", NOW).orElseThrow());
        assertEquals(Instant.parse("2026-03-29T00:59:59Z"), berlin.parse("2026-03-29 01:59:59 c", NOW).orElseThrow());
    }

    private static String randomLine(SplittableRandom r) {
        String date = String.format("%04d-%02d-%02d", 1990 + r.nextInt(50), r.nextInt(14), r.nextInt(33));
        String time = String.format("%02d:%02d:%02d", r.nextInt(25), r.nextInt(61), r.nextInt(61));
        if (r.nextInt(4) > 0) {
            date = String.format("2026-03-%02d", 28 + r.nextInt(3));
            time = String.format("%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
        }
        String sep = r.nextInt(10) == 0 ? "_" : r.nextBoolean() ? "T" : " ";
        String line = date + sep + time + pick(r, FRACTIONS) + pick(r, ZONES) + pick(r, RESTS);
        return r.nextInt(20) == 0 ? line.substring(0, r.nextInt(line.length() + 1)) : line;
    }

    private static String pick(SplittableRandom r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }
}
