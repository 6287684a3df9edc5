package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
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

/** Kernel text as replay reads it: dmesg's time formats. */
class DmesgReplayTest {
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
}
