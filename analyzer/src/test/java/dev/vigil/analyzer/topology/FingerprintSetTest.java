package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintSetTest {
    @Test
    void shouldHoldWhatWasAddedAcrossGrowthAndNothingElse() {
        FingerprintSet set = new FingerprintSet();
        for (int n = 0; n < 50_000; n++) {
            set.add(FingerprintSet.of("3f8a" + n));
        }
        set.add(FingerprintSet.of("3f8a0")); // again: no second entry
        assertEquals(50_000, set.size());
        for (int n = 0; n < 50_000; n++) {
            assertTrue(set.contains(FingerprintSet.of("3f8a" + n)));
            assertFalse(set.contains(FingerprintSet.of("9c1b" + n)));
        }
    }

    @Test
    void shouldTellIdsApartThatDifferInOneCharacterOrInOrder() {
        assertNotEquals(FingerprintSet.of("ab"), FingerprintSet.of("ba"));
        assertNotEquals(FingerprintSet.of("e-1"), FingerprintSet.of("e-2"));
        assertNotEquals(0L, FingerprintSet.of(""));
    }
}
