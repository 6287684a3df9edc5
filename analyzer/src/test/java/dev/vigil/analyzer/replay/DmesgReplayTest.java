package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.shippers.kmsg.BootClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kernel text as replay reads it: dmesg's time formats, its caller ids, and who wrote a line naming systemd. */
class DmesgReplayTest {
    private static final BootClock BOOT = new BootClock("b", Instant.parse("2026-03-02T08:00:00Z"));

    @TempDir Path dir;

    private Path file(String name, Instant changed, String... lines) throws IOException {
        Path p = Files.write(dir.resolve(name), List.of(lines));
        Files.setLastModifiedTime(p, FileTime.from(changed));
        return p;
    }

    private static List<Event> dmesg(Path p, BootClock boot) throws IOException {
        List<Event> events = new ArrayList<>();
        try (DmesgReader reader = new DmesgReader(p, "h", boot, ZoneOffset.UTC, BadRecords.unreported(p))) {
            for (Event e; (e = reader.next()) != null; ) {
                events.add(e);
            }
        }
        return events;
    }

    private static List<Instant> times(List<Event> events) {
        return events.stream().map(Event::ts).toList();
    }

    /**
     * dmesg -H: the minute on the first line of each, the seconds since the line before on the others.
     * Greg Kroah-Hartman's log of 'USB xhci crash under load on 5.14-rc3'
     * (https://lore.kernel.org/linux-usb/YQpJLk42b+0g7WFB@kroah.com/, 4 Aug 2021), mailed in September.
     */
    @Test
    void shouldTimeDmesgHumanLinesFromTheMinuteAndTheSecondsBetween() throws IOException {
        Path p = file("dmesg-H.txt", Instant.parse("2021-09-01T10:00:00Z"),
                "[Aug 4 09:48] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff00000 flags=0x0000]",
                "[  +0.000012] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff00f80 flags=0x0000]",
                "[Aug 4 09:49] sd 3:0:0:0: [sdc] tag#21 uas_eh_abort_handler 0 uas-tag 1 inflight: CMD IN ",
                "[  +0.000011] sd 3:0:0:0: [sdc] tag#21 CDB: Read(16) 88 00 00 00 00 01 8a 44 08 b0 00 00 00 08 00 00",
                "[  +5.106493] xhci_hcd 0000:47:00.1: xHCI host not responding to stop endpoint command.",
                "[ +14.831953] usb 9-2: USB disconnect, device number 2");

        List<Event> events = dmesg(p, null);

        assertEquals(List.of(Instant.parse("2021-08-04T09:48:00Z"), Instant.parse("2021-08-04T09:48:00.000012Z"),
                Instant.parse("2021-08-04T09:49:00Z"), Instant.parse("2021-08-04T09:49:00.000011Z"),
                Instant.parse("2021-08-04T09:49:05.106504Z"), Instant.parse("2021-08-04T09:49:19.938457Z")), times(events));
        assertEquals("usb 9-2: USB disconnect, device number 2", events.get(5).message());
        assertEquals(Source.KERNEL, events.get(5).source());
        assertTrue(DmesgReader.hasWallClockStamps(p, ZoneOffset.UTC), "dmesg -H needs no boot time");
        assertEquals(InputFormat.DMESG, InputFormat.detect("[Aug14 16:31] usb 2-1.2: USB disconnect, device number 4"));
        assertEquals(InputFormat.DMESG, InputFormat.detect("[  +0.007701] sd 4:0:0:0: [sdb] tag#4 uas_zap_pending 0 uas-tag 1 inflight: CMD"));
    }

    /**
     * A dmesg -H file replays as it is: told for dmesg by its first line, without --boot-time, and the
     * library finds its failures (Tobias Jakobi's VL817 log, as the corpus case kernel-disk/5.x-usb-raid1-member-disconnects).
     */
    @Test
    void shouldReplayADmesgHumanFileWithoutFormatOrBootTime() throws IOException {
        Path p = file("dmesg-H.txt", Instant.parse("2021-09-21T10:00:00Z"),
                "[Aug14 16:31] usb 2-1.2: USB disconnect, device number 4",
                "[  +0.007701] sd 4:0:0:0: [sdb] tag#4 uas_zap_pending 0 uas-tag 1 inflight: CMD",
                "[  +0.000004] sd 4:0:0:0: [sdb] tag#4 CDB: opcode=0x2a 2a 00 00 37 63 da 00 00 80 00",
                "[  +0.000022] sd 4:0:0:0: [sdb] tag#4 UNKNOWN(0x2003) Result: hostbyte=0x01 driverbyte=0x00 cmd_age=19s",
                "[  +0.000001] sd 4:0:0:0: [sdb] tag#4 CDB: opcode=0x2a 2a 00 00 37 63 da 00 00 80 00",
                "[  +0.000001] blk_update_request: I/O error, dev sdb, sector 29040336 op 0x1:(WRITE) flags 0x0 phys_seg 128 prio class 0",
                "[  +0.000028] blk_update_request: I/O error, dev sdb, sector 29041360 op 0x1:(WRITE) flags 0x0 phys_seg 128 prio class 0",
                "[  +0.000000] blk_update_request: I/O error, dev sdb, sector 16 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0",
                "[  +0.000005] md: super_written gets error=-5",
                "[  +0.000002] md/raid1:md126: Disk failure on sdb, disabling device.",
                "              md/raid1:md126: Operation continuing on 1 devices.");

        Replay.Result result = new Replay(PatternFiles.load(List.of()), line -> {})
                .run(List.of(new ReplayInput(p, null, null, null, null, ZoneOffset.UTC)), new Replay.Options(null, null));

        assertEquals(List.of("disk_io_error sdb kernel_disk_io_error", "disk_io_error sdb kernel_raid_member_failure"),
                result.incidents().stream().map(i -> i.type() + " " + i.subject() + " " + i.pattern()).sorted().toList());
        assertEquals(Instant.parse("2021-08-14T16:31:00.007729Z"),
                result.incidents().stream().map(Incident::firstSeen).min(Instant::compareTo).orElseThrow());
    }

    /**
     * The minute has no year: the file's last change gives it, the year before for a minute more than a
     * day after the change (the log above, saved in January). A paste that starts inside a minute counts
     * back from the first minute it shows.
     */
    @Test
    void shouldTakeTheYearFromTheFileAndCountLinesBeforeTheFirstMinuteBack() throws IOException {
        Path p = file("dmesg-H.txt", Instant.parse("2022-01-10T00:00:00Z"),
                "[  +0.000006] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff03000 flags=0x0000]",
                "[  +0.000005] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff03f80 flags=0x0000]",
                "[  +0.000006] xhci_hcd 0000:47:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x0032 address=0xfffffff04000 flags=0x0000]",
                "[Aug 4 09:49] sd 3:0:0:0: [sdc] tag#21 uas_eh_abort_handler 0 uas-tag 1 inflight: CMD IN ",
                "[  +0.000011] sd 3:0:0:0: [sdc] tag#21 CDB: Read(16) 88 00 00 00 00 01 8a 44 08 b0 00 00 00 08 00 00");

        assertEquals(List.of(Instant.parse("2021-08-04T09:48:59.999989Z"), Instant.parse("2021-08-04T09:48:59.999994Z"),
                Instant.parse("2021-08-04T09:49:00Z"), Instant.parse("2021-08-04T09:49:00Z"),
                Instant.parse("2021-08-04T09:49:00.000011Z")), times(dmesg(p, null)));
    }

    /**
     * A kernel line naming systemd is systemd's own when systemd wrote it to the ring, the kernel's when
     * it reports a fault of it. TDX bug report (https://lore.kernel.org/all/20250429143114.1724280-1-jun.miao@intel.com/,
     * 6.15-rc4, x86); a Fedora 31 powerpc guest (linuxppc-dev, 2019, the library's kernel_segfault test, its
     * stamps made here); the
     * kernel test robot's dmesg of 6.6-rc4 with printk callers (https://lore.kernel.org/oe-lkp/202310192232.750e5c5b-oliver.sang@intel.com).
     */
    @Test
    void shouldLeaveTheKernelsReportsAboutSystemdToTheKernel() throws IOException {
        Path p = file("dmesg.txt", Instant.parse("2026-03-02T09:00:00Z"),
                "[   46.902055] systemd[1]: segfault at 55c974b82650 ip 00007f252eef09c2 sp 00007ffcd94fe7b8 error 4 in libc.so.6[7f252ee28000+175000] likely on CPU 1 (core 1, socket 0)",
                "[   46.905516] systemd[1]: Caught <SEGV> from PID 1958225488.",
                "[   46.922056] systemd[1]: Freezing execution.",
                "[   47.000000] systemd[1]: segfault (11) at 7ffff3eaf550 nip 7ce4d42f8d78 lr 9d82c098fc0 code 1 in libsystemd-shared-243.so[7ce4d4150000+2e0000]",
                "[   47.000001] systemd[1]: code: 00000480 60420000 3c4c001e 3842edb0 7c0802a6 3d81fff0 fb81ffe0 fb",
                "[   55.856376][    T1] systemd[1]: memfd_create() called without MFD_EXEC or MFD_NOEXEC_SEAL set");

        List<Event> events = dmesg(p, BOOT);

        assertEquals(List.of(Source.KERNEL, Source.JOURNALD, Source.JOURNALD, Source.KERNEL, Source.KERNEL, Source.KERNEL),
                events.stream().map(Event::source).toList());
        assertEquals("systemd[1]: segfault at 55c974b82650 ip 00007f252eef09c2 sp 00007ffcd94fe7b8 error 4 in "
                + "libc.so.6[7f252ee28000+175000] likely on CPU 1 (core 1, socket 0)", events.get(0).message());
        assertEquals("Caught <SEGV> from PID 1958225488.", events.get(1).message());
        assertEquals("systemd[1]: memfd_create() called without MFD_EXEC or MFD_NOEXEC_SEAL set", events.get(5).message());

        // systemd-journald's command name is cut to 15 characters, "systemd-journal", in the kernel's report
        // (a NixOS VM on 6.12-rc3, https://lore.kernel.org/all/ZxFEi1Tod43pD6JC@moon.secunet.de/, lines in order)
        Path nixos = file("nixos.txt", Instant.parse("2026-03-02T09:00:00Z"),
                "[   28.806829] systemd[1]: Caught <ABRT>, from our own process.",
                "[   28.873961] systemd-udevd[411]: Using default interface naming scheme 'v255'.",
                "[   29.096262] systemd-journald[383]: Received client request to flush runtime journal.",
                "[   30.846642] systemd-journal[383]: segfault at 6f ip 00007f834f1f3894 sp 00007ffd95427128 error 4 in libzstd.so.1.5.6[b2894,7f834f14a000+b9000] likely on CPU 0 (core 0, socket 0)");
        assertEquals(List.of(Source.JOURNALD, Source.JOURNALD, Source.JOURNALD, Source.KERNEL),
                dmesg(nixos, BOOT).stream().map(Event::source).toList());
    }

    /**
     * journald's ForwardToConsole writes every program's line to the console as {@code ident[pid]: },
     * and a saved console log reads as dmesg: Bottlerocket's admin container runs its own systemd, whose
     * lines carry the host unit's name (bottlerocket-os/bottlerocket-admin-container#98, v0.11.7, May 2024).
     */
    @Test
    void shouldReadAnyProgramsLinesInAConsoleLogAsThatProgramWroteThem() throws IOException {
        Path p = file("console.txt", Instant.parse("2026-03-02T09:00:00Z"),
                "[  135.289329] host-containers@admin[1168]: serial-getty@ttyS0.service has no holdoff time, scheduling restart.",
                "[  135.290142] host-containers@admin[1168]: Stop job pending for unit, delaying automatic restart.");
        List<Event> events = dmesg(p, BOOT);
        assertEquals(List.of(Source.JOURNALD, Source.JOURNALD), events.stream().map(Event::source).toList());
        assertEquals("serial-getty@ttyS0.service has no holdoff time, scheduling restart.", events.get(0).message());
        assertEquals("host-containers@admin", events.get(0).identifier());
        assertEquals(1168L, events.get(0).pid());
    }

    /**
     * CONFIG_PRINTK_CALLER: the task or CPU after the stamp is no part of the message, in dmesg text
     * (the kernel test robot's, above) as in a /dev/kmsg dump, whose records carry it as {@code caller=}
     * (Sergey Senozhatsky's, https://lore.kernel.org/all/20200813113155.GA483@jagdpanzerIV.localdomain/).
     */
    @Test
    void shouldLeaveThePrintkCallerOutOfTheMessage() throws IOException {
        Path text = file("dmesg.txt", Instant.parse("2026-03-02T09:00:00Z"),
                "[   55.309389][    C1] ------------[ cut here ]------------",
                "[ 55.315508][ C1] WARNING: CPU: 1 PID: 0 at kernel/sched/core.c:1182 nohz_csd_func (kernel/sched/core.c:1182 (discriminator 1)) ");
        List<Event> fromText = dmesg(text, BOOT);
        assertEquals("------------[ cut here ]------------", fromText.get(0).message());
        assertEquals(BOOT.bootedAt().plusNanos(55_315_508_000L), fromText.get(1).ts());
        assertTrue(fromText.get(1).message().startsWith("WARNING: CPU: 1 PID: 0 at kernel/sched/core.c:1182"));

        Path dump = file("kmsg.txt", Instant.parse("2026-03-02T09:00:00Z"),
                "6,223,93298,-,caller=T1;acpi PNP0A08:00: _OSC: OS supports [Segments MSI HPX-Type3]",
                " SUBSYSTEM=acpi",
                " DEVICE=+acpi:PNP0A08:00",
                "6,225,93540,-,caller=T1;PCI host bridge to bus 0000:00");
        List<Event> records = new ArrayList<>();
        try (KmsgDumpReader reader = new KmsgDumpReader(dump, "h", BOOT, BadRecords.unreported(dump))) {
            for (Event e; (e = reader.next()) != null; ) {
                records.add(e);
            }
        }
        assertEquals(List.of("acpi PNP0A08:00: _OSC: OS supports [Segments MSI HPX-Type3]", "PCI host bridge to bus 0000:00"),
                records.stream().map(Event::message).toList());
        assertEquals(BOOT.bootedAt().plusNanos(93_298_000L), records.get(0).ts());
    }
}
