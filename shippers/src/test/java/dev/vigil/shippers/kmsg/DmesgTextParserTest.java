package dev.vigil.shippers.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The line shapes of util-linux dmesg, from one real OOM kill (analyzer's replay/syslog/dmesg-*-oom.txt, SOURCES). */
class DmesgTextParserTest {
    private static final Instant BOOT = Instant.parse("2026-12-03T03:41:33Z");
    private static final String KILLED = "Memory cgroup out of memory: Killed process 22560 (vigil-oom-hog) total-vm:156204kB,"
            + " anon-rss:65396kB, file-rss:1428kB, shmem-rss:0kB, UID:0 pgtables:200kB oom_score_adj:0";
    private final DmesgTextParser parser = new DmesgTextParser(BOOT, ZoneOffset.UTC);

    @Test
    void shouldReadEachTimeFormatToTheSameInstant() {
        Instant at = BOOT.plusNanos(50_539_809_390_000L);

        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(at, KILLED, null, null)), parser.parse("[50539.809390] " + KILLED));
        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(Instant.parse("2026-12-03T17:43:52.809390Z"), KILLED, null, null)),
                parser.parse("2026-12-03T17:43:52,809390+00:00 " + KILLED));
        assertEquals(Instant.parse("2026-12-03T16:43:52.809390Z"),
                parser.parse("2026-12-03T17:43:52,809390+01:00 " + KILLED).orElseThrow().ts(), "the offset it prints is used");
    }

    @Test
    void shouldTakeFacilityAndLevelFromDmesgDashX() {
        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(BOOT.plusNanos(50_539_809_390_000L), KILLED, 0, 3)),
                parser.parse("kern  :err   : [50539.809390] " + KILLED));
        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(BOOT.plusNanos(50_539_943_847_000L), "vigil: kmsg tail stop", 1, 4)),
                parser.parse("user  :warn  : [50539.943847] vigil: kmsg tail stop"));
        assertEquals(23, parser.parse("local7:debug : [1.000000] x").orElseThrow().facility());
        assertEquals(Optional.empty(), parser.parse("nosuch:err   : [1.000000] x"), "an unknown facility is no dmesg -x prefix");
    }
}
