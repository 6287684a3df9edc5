package dev.vigil.shippers.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Kernels built with CONFIG_PRINTK_CALLER (openEuler, syzkaller's, some vendors') put the task or CPU
     * that printed the line after its stamp: the console writes "[  244.780025][    C0] " (openEuler 21.09
     * on Ampere, AmpereComputing/ampere-lts-kernel#71), util-linux dmesg "[    0.002423] [    T1] ".
     * The caller is not part of the message.
     */
    @Test
    void shouldLeaveThePrintkCallerOutOfTheMessage() {
        String lockup = "BUG: workqueue lockup - pool cpus=2 node=0 flags=0x1 nice=0 stuck for 171s!";
        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(BOOT.plusNanos(244_780_025_000L), lockup, null, null)),
                parser.parse("[  244.780025][    C0] " + lockup));
        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(BOOT.plusNanos(2_423_000L), "rcu: Hierarchical SRCU implementation.", 0, 6)),
                parser.parse("<6>[    0.002423] [    T1] rcu: Hierarchical SRCU implementation."));
        assertEquals(KILLED, parser.parse("2026-12-03T17:43:52,809390+00:00 [ T1441] " + KILLED).orElseThrow().message());
        assertEquals("[drm] Initialized", parser.parse("[    1.000000] [drm] Initialized").orElseThrow().message(),
                "a subsystem's own bracket stays");
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

    @Test
    void shouldNotTakeAnApacheErrorLogForDmesgDashT() {
        // Apache 2.2 stamps its error log as dmesg -T stamps the kernel's lines; the [level] after the stamp is
        // Apache's (https://github.com/D3lph1/L-Shop/issues/38)
        assertFalse(DmesgTextParser.looksLikeDmesg(
                "[Fri Aug 04 18:02:07 2017] [error] [client 98.189.170.40] File does not exist: /var/www/mysql"));
        assertFalse(DmesgTextParser.looksLikeDmesg("[Fri Aug 04 21:17:22 2017] [notice] caught SIGTERM, shutting down"));
        // the analyzer's replay/syslog/dmesg-T.txt (SOURCES)
        assertTrue(DmesgTextParser.looksLikeDmesg(
                "[Sat Oct 22 04:31:47 2016] systemd-journald[115912]: Received SIGTERM from PID 1 (systemd)."));
    }
}
