package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Appending to a ring is idempotent by event id: a re-sent line is not kept twice, nor brought back. */
class EvidenceRingTest {
    private static final Instant T0 = Instant.parse("2026-01-10T07:23:00Z");
    /** Seed 000's error line (scenarios/000-crash-loop/journal.json), repeated at other times. */
    private static final String LINE = "ModuleNotFoundError: No module named 'asyncpg'";

    private static EvidenceItem item(int n) {
        return new EvidenceItem("e-" + n, T0.plusSeconds(n), "journald", LINE);
    }

    @Test
    void shouldKeepALineSentAgainOnce() {
        EvidenceRing ring = EvidenceRing.empty().append(item(1), 3).append(item(2), 3);

        assertSame(ring, ring.append(item(1), 3));
        assertEquals(List.of(item(1), item(2)), ring.items());
    }

    @Test
    void shouldNotBringBackALineItAlreadyDroppedForNewerOnes() {
        EvidenceRing ring = EvidenceRing.empty();
        for (int n = 1; n <= 5; n++) {
            ring = ring.append(item(n), 3);
        }

        assertSame(ring, ring.append(item(1), 3), "line 1 was dropped for newer lines");
        assertEquals(List.of(item(3), item(4), item(5)), ring.append(item(1), 3).items());
        assertEquals(List.of(item(4), item(5), item(6)), ring.append(item(6), 3).items());
    }
}
