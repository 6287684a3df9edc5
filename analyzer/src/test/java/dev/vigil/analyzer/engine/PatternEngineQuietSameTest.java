package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code quiet 5s, 30s for same pid}: a late line naming the episode's pid still joins it, a line
 * of another pid after the short period opens its own incident, and the episode it replaces is
 * resolved, not dropped.
 */
class PatternEngineQuietSameTest {
    private static final Instant T0 = Instant.parse("2024-04-02T10:51:14Z");
    private static final String HOST = "be-linrgs";

    private static final PatternSet PATTERNS = TestPatterns.compile("oom.vigil", """
            pattern oom {
              match kernel where message ~ /Killed process (?<pid>\\d+) \\((?<comm>[^)]*)\\)/
                 or message ~ /^oom_reaper: reaped process (?<pid>\\d+) \\((?<comm>[^)]*)\\)/
              quiet 5s, 30s for same pid
              type oom_kill
              subject "{comm}"
              summary "{comm} (pid {pid}) killed"
            }
            """);

    // equinor/ert#7797 (https://github.com/equinor/ert/issues/7797): dmesg of a 4.18 kernel
    private static final String PERL_KILL = "Out of memory: Killed process 1440763 (perl) total-vm:87033376kB, "
            + "anon-rss:60356340kB, file-rss:0kB, shmem-rss:0kB, UID:21417 pgtables:169956kB oom_score_adj:0";
    private static final String PERL_REAPED = "oom_reaper: reaped process 1440763 (perl), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB";
    // seed 001: the next kill on the host is another process
    private static final String UVICORN_KILL = "Out of memory: Killed process 632846 (uvicorn) total-vm:1852340kB, "
            + "anon-rss:307200kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1024kB oom_score_adj:0";

    // the line before the kill in the same dmesg; the test pattern does not want it
    private static final String INVOKED = "pool invoked oom-killer: gfp_mask=0x6200ca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0";

    @Test
    void shouldJoinALateLineOfTheSamePidToItsEpisode() {
        PatternEngine engine = new PatternEngine(() -> PATTERNS, EngineState.inMemory());
        List<Incident> out = new ArrayList<>();
        out.addAll(feed(engine, 0, PERL_KILL));
        out.addAll(feed(engine, 20_000, PERL_REAPED)); // past 5 s, within 30 s: still the kill
        out.addAll(ticks(engine, 60));

        assertEquals(1, ids(out).size(), "one incident: " + out);
        Incident last = out.get(out.size() - 1);
        assertEquals(Incident.Status.RESOLVED, last.status(), "resolved once quiet: " + out);
        assertEquals(2, last.count(), "both lines: " + last);
    }

    @Test
    void shouldOpenAnotherIncidentForAnotherPidAndResolveTheOneItReplaces() {
        PatternEngine engine = new PatternEngine(() -> PATTERNS, EngineState.inMemory());
        List<Incident> out = new ArrayList<>();
        out.addAll(feed(engine, 0, PERL_KILL));
        out.addAll(feed(engine, 11_000, UVICORN_KILL)); // past 5 s, within perl's 30 s, but another pid
        out.addAll(ticks(engine, 60));

        List<String> ids = new ArrayList<>(ids(out));
        assertEquals(2, ids.size(), "two kills, two incidents: " + out);
        for (String id : ids) {
            List<Incident> of = out.stream().filter(i -> i.id().equals(id)).toList();
            assertEquals(Incident.Status.FIRING, of.get(0).status(), "told as firing first: " + of);
            assertEquals(1, of.stream().filter(i -> i.status() == Incident.Status.RESOLVED).count(), "resolved once: " + of);
        }
        int perlResolved = indexOf(out, "perl", Incident.Status.RESOLVED);
        int uvicornOpened = indexOf(out, "uvicorn", Incident.Status.FIRING);
        assertTrue(perlResolved < uvicornOpened, "the replaced episode ends before the next opens: " + out);
    }

    @Test
    void shouldOpenAnotherIncidentForALineOfAnotherPidLaterThanTheShortPeriod() {
        PatternEngine engine = new PatternEngine(() -> PATTERNS, EngineState.inMemory());
        List<Incident> out = new ArrayList<>();
        out.addAll(feed(engine, 0, PERL_KILL));
        out.addAll(feed(engine, 3_000, UVICORN_KILL)); // within 5 s: one episode whatever the pid
        out.addAll(ticks(engine, 60));

        assertEquals(1, ids(out).size(), "kills seconds apart are one episode: " + out);
    }

    private static List<Incident> feed(PatternEngine engine, long millis, String line) {
        Instant at = T0.plusMillis(millis);
        Event e = Event.builder(HOST, Source.KERNEL, at, line).id("k-" + millis).build();
        return engine.onEvent(e, at, at);
    }

    /** The host's clock moves on (a line no pattern wants, a minute on) and the analyzer ticks. */
    private static List<Incident> ticks(PatternEngine engine, int seconds) {
        List<Incident> out = new ArrayList<>(feed(engine, seconds * 1000L, INVOKED));
        for (Instant now = T0.plusSeconds(1); !now.isAfter(T0.plus(Duration.ofSeconds(seconds))); now = now.plusSeconds(1)) {
            out.addAll(engine.onTick(now));
        }
        return out;
    }

    private static Set<String> ids(List<Incident> out) {
        Set<String> ids = new LinkedHashSet<>();
        out.forEach(i -> ids.add(i.id()));
        return ids;
    }

    private static int indexOf(List<Incident> out, String subject, Incident.Status status) {
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).subject().equals(subject) && out.get(i).status() == status) {
                return i;
            }
        }
        throw new AssertionError("no " + status + " record for " + subject + ": " + out);
    }
}
