package dev.vigil.shippers.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialRecordsTest {
    private static ContainerRecord cri(String line) {
        return ContainerLogFormat.CRI.parse(line);
    }

    @Test
    void shouldJoinAStreamsPartialRecordsIntoTheLineAtTheFirstRecordsTimeAndStart() {
        PartialRecords partials = new PartialRecords(1000);
        // kubelet's test line, cut in three records as containerd cuts a line over 16 KiB
        assertNull(partials.add(cri("2016-10-20T18:39:20.57606443Z stdout P cri stdout "), 0));
        assertNull(partials.add(cri("2016-10-20T18:39:20.57606444Z stdout P:TAG1:TAG2 partial "), 50));
        PartialRecords.Line line = partials.add(cri("2016-10-20T18:39:20.57606445Z stdout F test log"), 100);

        assertEquals("cri stdout partial test log", line.record().content());
        assertEquals(Instant.parse("2016-10-20T18:39:20.57606443Z"), line.record().time());
        assertFalse(line.record().partial());
        assertEquals(0, line.start());
        assertFalse(partials.holding());
    }

    @Test
    void shouldJoinEachStreamOnItsOwnWhenTheirRecordsInterleave() {
        PartialRecords partials = new PartialRecords(1000);
        assertNull(partials.add(cri("2016-10-20T18:39:20.57606443Z stdout P cri stdout partial "), 0));
        PartialRecords.Line err = partials.add(cri("2016-10-20T18:39:20.57606443Z stderr F cri stderr test log"), 70);
        PartialRecords.Line out = partials.add(cri("2016-10-20T18:39:20.57606443Z stdout F test log"), 130);

        assertEquals(List.of("cri stderr test log", "cri stdout partial test log"),
                List.of(err.record().content(), out.record().content()));
        assertEquals(List.of(70L, 0L), List.of(err.start(), out.start()));
    }

    @Test
    void shouldCutALineLongerThanTheCapAndSaySo() {
        PartialRecords partials = new PartialRecords(20);
        partials.add(cri("2016-10-20T18:39:20.57606443Z stdout P cri stdout "), 0);
        PartialRecords.Line line = partials.add(cri("2016-10-20T18:39:20.57606443Z stdout F partial test log"), 50);

        assertEquals("cri stdout partial t", line.record().content());
        assertTrue(line.truncated());
    }

    @Test
    void shouldGiveWhatIsHeldAtTheEndStillMarkedPartial() {
        PartialRecords partials = new PartialRecords(1000);
        partials.add(cri("2016-10-20T18:39:20.57606443Z stderr P cri stderr test log"), 60);
        partials.add(cri("2016-10-20T18:39:20.57606443Z stdout P cri stdout partial test log"), 0);

        List<PartialRecords.Line> held = partials.drain();

        assertEquals(List.of("cri stdout partial test log", "cri stderr test log"), held.stream().map(l -> l.record().content()).toList(), "in file order");
        assertTrue(held.get(0).record().partial());
        assertFalse(partials.holding());
    }
}
