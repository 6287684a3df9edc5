package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryRecentIdsTest {
    private static final Instant T0 = Instant.parse("2026-01-12T07:38:00Z");
    private static final Duration WINDOW = Duration.ofHours(1);

    @Test
    void shouldKnowAnIdWithinTheWindowAndForgetItAfter() {
        InMemoryRecentIds ids = new InMemoryRecentIds(WINDOW);
        ids.remember("e-1", T0);

        assertTrue(ids.contains("e-1", T0.plus(WINDOW).minusMillis(1)));
        assertFalse(ids.contains("e-1", T0.plus(WINDOW)));
        assertFalse(ids.contains("e-2", T0));
    }

    @Test
    void shouldHoldOnlyTheIdsOfTheLastWindow() {
        InMemoryRecentIds ids = new InMemoryRecentIds(WINDOW);
        // one id a second for ten hours: only the last hour's 3,600 stay
        for (int i = 0; i < 36_000; i++) {
            ids.remember("e-" + i, T0.plusSeconds(i));
        }

        assertEquals(3_600, ids.size());
        assertTrue(ids.contains("e-35999", T0.plusSeconds(35_999)));
        assertFalse(ids.contains("e-30000", T0.plusSeconds(35_999)));
    }
}
