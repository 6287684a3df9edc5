package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import org.junit.jupiter.api.Test;

class DistinctIdsTest {
    @Test
    void shouldCountEachIdOnceAcrossGrowth() {
        DistinctIds ids = new DistinctIds(1000); // grows many times
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 200_000; i++) {
                ids.add(EventIds.of("web-1", Source.FILE, "1:2:256:ab", Integer.toString(i)));
            }
        }
        assertTrue(ids.add("00000000000000000000000000000000"));
        assertFalse(ids.add("00000000000000000000000000000000"));

        assertEquals(200_001, ids.size());
    }

    @Test
    void shouldRefuseTextThatIsNotAnId() {
        assertThrows(IllegalArgumentException.class, () -> new DistinctIds(1).add("line-17"));
    }
}
