package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
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

    /** Runs of lines of one second, as logs come, with every ending after it: the same stamps as the regexes read. */
    @Test
    void shouldReadTheSameStampAsTheRegexesForRunsOfLinesOfOneSecond() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (String zone : List.of("UTC", "Europe/Berlin")) {
            LineTimestampParser parser = new LineTimestampParser(ZoneId.of(zone));
            String head = "2026-03-29 02:30:00";
            for (int i = 0; i < 20_000; i++) {
                if (random.nextInt(8) == 0) {
                    head = String.format("2026-03-%02d %02d:%02d:%02d", 28 + random.nextInt(3), random.nextInt(24),
                            random.nextInt(60), random.nextInt(60));
                }
                String line = head + pick(random, FRACTIONS) + pick(random, ZONES) + pick(random, RESTS);
                String cut = random.nextInt(20) == 0 ? line.substring(0, random.nextInt(line.length() + 1)) : line;
                assertEquals(parser.search(cut, NOW), parser.parse(cut, NOW), () -> zone + " line '" + cut + "'");
            }
        }
    }

    /** Lines that may or may not hold a stamp anywhere in their head: the same answer as the regexes. */
    @Test
    void shouldFindAStampInsideALineOrNoneAsTheRegexesDo() {
        List<String> pieces = List.of("1", "12", "2024", "-", "/", ":", " ", "[", "]", "Mar", "14", "Feb", "x", "<13>",
                "+0000", "03:", "1710382267", ".5", "Traceback (most recent call last):", "  File \"w.py\", line 212",
                "\u00e9", "14/Mar/2024", "2024-03-14T02:11:07Z", "Mar 14 02:11:07", "[14/Mar/2024:02:11:07 +0000]",
                "2024-03-14 02:11:07", " UTC", "GMT", "Z");
        SplittableRandom random = new SplittableRandom(3);
        LineTimestampParser parser = new LineTimestampParser(ZoneId.of("UTC"));
        int stamped = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(7); k >= 0; k--) {
                b.append(pick(random, pieces));
            }
            String line = b.toString();
            Optional<Instant> expected = parser.search(line, NOW);
            stamped += expected.isPresent() ? 1 : 0;
            assertEquals(expected, parser.parse(line, NOW), () -> "line '" + line + "'");
        }
        int found = stamped;
        assertTrue(found > 5_000 && found < 45_000, () -> "both answers were tried: " + found);
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
