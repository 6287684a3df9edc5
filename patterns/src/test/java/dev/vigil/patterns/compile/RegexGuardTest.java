package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegexGuardTest {
    private static final String GRACEFUL =
            "(?i)shutting down|shutdown complete|stopped|exiting|received (SIGTERM|signal 15)|graceful(ly)? (stop|shut)";

    @Test
    void aCaseInsensitiveRegexIsGuardedWithoutCase() {
        RegexGuard guard = RegexGuard.of(GRACEFUL, true);
        assertNotNull(guard);
        assertTrue(guard.admits("2026-02-11 10:01:02 INFO Shutting Down worker pool"));
        assertTrue(guard.admits("RECEIVED SIGTERM, bye"));
        assertFalse(guard.admits("GET /health 200"));
    }

    @Test
    void theGuardNeverRejectsALineTheRegexMatches() {
        Pattern regex = Pattern.compile(GRACEFUL);
        RegexGuard guard = RegexGuard.of(GRACEFUL, true);
        // U+017F (long s) and U+212A (Kelvin sign) fold to ASCII letters in RE2's case-insensitive matching
        for (String line : List.of("worker \u017Fhutting down", "graceful stop", "app EXITING now", "stopped.",
                "Gracefully Shut it", "nothing to see", "stop ped")) {
            if (regex.matcher(line).find()) {
                assertTrue(guard.admits(line), line);
            }
        }
    }

    @Test
    void aCaseSensitiveRegexKeepsItsCase() {
        RegexGuard guard = RegexGuard.of("Out of memory: Killed process \\d+", false);
        assertTrue(guard.admits("Out of memory: Killed process 12"));
        assertFalse(guard.admits("out of memory: killed process 12"));
    }

    @Test
    void aRegexWithoutRequiredTextHasNoGuard() {
        assertNull(RegexGuard.of("(?i)\\d+", true));
        assertNull(RegexGuard.of("(?i)caf\u00e9 ferm\u00e9", true), "non-ASCII literal");
    }

    @Test
    void aCaseSensitiveGuardOfSeveralLiteralsFindsAnyOfThemInOnePass() {
        RegexGuard guard = RegexGuard.of("Killed process|[Kk]ill process|oom_reaper|segfault at", false);
        assertNotNull(guard);
        assertTrue(guard.admits("oom_reaper: reaped process 632846 (uvicorn)"));
        assertTrue(guard.admits("python3[12345]: segfault at 0 ip 00007f1c2b3d4e5f"));
        assertTrue(guard.admits("Memory cgroup out of memory: Kill process 24984 (palo_be)"));
        assertFalse(guard.admits("KILLED PROCESS 12"));
        assertFalse(guard.admits("Started Session 5 of user root."));
    }

    @Test
    void aCaseInsensitiveGuardReadsLinesBeyondAsciiAsBefore() {
        RegexGuard guard = RegexGuard.of(GRACEFUL, true);
        assertTrue(guard.admits("Dienst wird beendet — shutting down"), "non-ASCII before the literal");
        assertTrue(guard.admits("SHUTTING DOWN — au revoir"), "non-ASCII after the literal");
        assertFalse(guard.admits("caf\u00e9 ferm\u00e9, nothing stops here"));
        assertTrue(guard.admits("graceful \u017Ftop"), "long s folds to s, as RE2 folds it");
    }
}
