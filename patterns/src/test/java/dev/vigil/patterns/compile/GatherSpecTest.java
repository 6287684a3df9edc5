package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GatherSpecTest {
    @Test
    void aSliceIsTheAncestorOfTheSlicesNamedBelowIt() {
        assertTrue(GatherSpec.isAncestorOrSelf("user.slice", "user-1021.slice"));
        assertTrue(GatherSpec.isAncestorOrSelf("user-1021.slice", "user-1021.slice"));
        assertTrue(GatherSpec.isAncestorOrSelf("system.slice", "system-postgresql.slice"));
    }

    @Test
    void aNameThatOnlyStartsTheSameIsNoAncestor() {
        assertFalse(GatherSpec.isAncestorOrSelf("user-10.slice", "user-1021.slice"));
        assertFalse(GatherSpec.isAncestorOrSelf("system-postgresql.slice", "user-1021.slice"));
        assertFalse(GatherSpec.isAncestorOrSelf("user-1021.slice", "user.slice"));
        assertFalse(GatherSpec.isAncestorOrSelf("user.scope", "user-1021.slice"));
    }
}
