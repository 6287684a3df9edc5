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
        // kubelet's test record, then the line's end as containerd writes it after 16 KiB
        assertNull(partials.add(cri("2016-10-20T18:39:20.57606443Z stdout P cri stdout partial test log"), 0));
        assertNull(partials.add(cri("2016-10-20T18:39:20.57606444Z stdout P:TAG1:TAG2  and more"), 70));
        PartialRecords.Line line = partials.add(cri("2016-10-20T18:39:20.57606445Z stdout F  to the end"), 140);

        assertEquals("cri stdout partial test log and more to the end", line.record().content());
        assertEquals(Instant.parse("2016-10-20T18:39:20.57606443Z"), line.record().time());
        assertFalse(line.record().partial());
        assertEquals(0, line.start());
        assertFalse(partials.holding());
    }

    @Test
    void shouldJoinEachStreamOnItsOwnWhenTheirRecordsInterleave() {
        PartialRecords partials = new PartialRecords(1000);
        assertNull(partials.add(cri("2016-10-20T18:39:20.57606443Z stdout P cri stdout partial test log"), 0));
        PartialRecords.Line err = partials.add(cri("2016-10-20T18:39:20.57606443Z stderr F cri stderr test log"), 70);
        PartialRecords.Line out = partials.add(cri("2016-10-20T18:39:20.57606443Z stdout F , ended"), 130);

        assertEquals(List.of("cri stderr test log", "cri stdout partial test log, ended"),
                List.of(err.record().content(), out.record().content()));
        assertEquals(List.of(70L, 0L), List.of(err.start(), out.start()));
    }

    @Test
    void shouldCutALineLongerThanTheCapAndSaySo() {
        PartialRecords partials = new PartialRecords(30);
        partials.add(cri("2016-10-20T18:39:20.57606443Z stdout P cri stdout partial test log"), 0);
        PartialRecords.Line line = partials.add(cri("2016-10-20T18:39:20.57606443Z stdout F 0123456789"), 70);

        assertEquals("cri stdout partial test log012", line.record().content());
        assertTrue(line.truncated());
    }

    @Test
    void shouldGiveWhatIsHeldAtTheEndStillMarkedPartial() {
        PartialRecords partials = new PartialRecords(1000);
        partials.add(cri("2016-10-20T18:39:20.57606443Z stderr P second"), 50);
        partials.add(cri("2016-10-20T18:39:20.57606443Z stdout P first"), 0);

        List<PartialRecords.Line> held = partials.drain();

        assertEquals(List.of("first", "second"), held.stream().map(l -> l.record().content()).toList(), "in file order");
        assertTrue(held.get(0).record().partial());
        assertFalse(partials.holding());
    }
}
