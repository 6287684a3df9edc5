package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastInstantTest {
    @Test
    void givesTheInstantOfEachMillisecondAndKeepsTheLastOne() {
        LastInstant last = new LastInstant();
        Instant first = last.of(1_764_700_000_123L);
        assertEquals(Instant.parse("2025-12-02T18:26:40.123Z"), first);
        assertSame(first, last.of(1_764_700_000_123L), "the same millisecond again: the kept instant");
        assertEquals(Instant.parse("2025-12-02T18:26:40.124Z"), last.of(1_764_700_000_124L));
        assertEquals(Instant.parse("2025-12-02T18:26:40.123Z"), last.of(1_764_700_000_123L), "an earlier one again");
    }

    @Test
    void theSmallestMillisecondIsAnInstantToo() {
        // Long.MIN_VALUE is the "none yet" mark; asking for it first still gives its instant
        assertEquals(Instant.ofEpochMilli(Long.MIN_VALUE), new LastInstant().of(Long.MIN_VALUE));
    }
}
