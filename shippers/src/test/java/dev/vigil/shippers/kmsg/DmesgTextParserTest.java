package dev.vigil.shippers.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
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

    /**
     * dmesg -H / --reltime: the local minute without a year on the first line of each ("%b%e %H:%M", the
     * day space-padded), the seconds since the line before on the others. Lines of
     * https://lore.kernel.org/linux-usb/20210921101752.4679-1-tjakobi@math.uni-bielefeld.de/ and
     * https://lore.kernel.org/linux-usb/YQpJLk42b+0g7WFB@kroah.com/ (2021).
     */
    @Test
    void shouldReadTheMinuteAndTheSecondsSinceTheLineBeforeOfDmesgDashH() {
        assertEquals(Optional.of(new DmesgTextParser.ReltimeLine(MonthDay.of(8, 14), LocalTime.of(16, 31), null,
                "usb 2-1.2: USB disconnect, device number 4", null, null)),
                DmesgTextParser.parseReltime("[Aug14 16:31] usb 2-1.2: USB disconnect, device number 4"));
        assertEquals(MonthDay.of(8, 4), DmesgTextParser.parseReltime("[Aug 4 09:48] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged "
                + "[IO_PAGE_FAULT domain=0x0032 address=0xfffffff00000 flags=0x0000]").orElseThrow().day());
        assertEquals(Optional.of(new DmesgTextParser.ReltimeLine(null, null, new BigDecimal("0.007701"),
                "sd 4:0:0:0: [sdb] tag#4 uas_zap_pending 0 uas-tag 1 inflight: CMD", null, null)),
                DmesgTextParser.parseReltime("[  +0.007701] sd 4:0:0:0: [sdb] tag#4 uas_zap_pending 0 uas-tag 1 inflight: CMD"));
        assertEquals(new BigDecimal("14.831953"),
                DmesgTextParser.parseReltime("[ +14.831953] usb 9-2: USB disconnect, device number 2").orElseThrow().sinceLast());
        assertTrue(DmesgTextParser.looksLikeDmesg("[Aug14 16:31] usb 2-1.2: USB disconnect, device number 4"));
        assertTrue(DmesgTextParser.looksLikeDmesg("[  +0.000028] blk_update_request: I/O error, dev sdb, sector 29041360 op 0x1:(WRITE) flags 0x0 phys_seg 128 prio class 0"));
        assertEquals(Optional.empty(), parser.parse("[  +0.007701] sd 4:0:0:0: [sdb] tag#4 CDB: opcode=0x2a"), "no time without the lines before");
        assertEquals(Optional.empty(), DmesgTextParser.parseReltime("[Foo14 16:31] x"));
        assertEquals(Optional.empty(), DmesgTextParser.parseReltime("[Feb31 16:31] x"));
    }

    /**
     * dmesg -d adds the seconds since the line before to the stamp ("[  65.681501 <    0.000004>]"): an
     * amdgpu oops in https://lore.kernel.org/amd-gfx/1602696294-5611-1-git-send-email-andrey.grodzovsky@amd.com/ (2020).
     */
    @Test
    void shouldReadTheStampOfDmesgDashDAndLeaveTheDeltaOut() {
        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(BOOT.plusNanos(65_681_511_000L), "Oops: 0002 [#1] SMP NOPTI", null, null)),
                parser.parse("[   65.681511 <    0.000004>] Oops: 0002 [#1] SMP NOPTI"));
        assertTrue(DmesgTextParser.looksLikeDmesg(
                "[   65.681501 <    0.000004>] BUG: kernel NULL pointer dereference, address: 0000000000000008"));
    }
}
