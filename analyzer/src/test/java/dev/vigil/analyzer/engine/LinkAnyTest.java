package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code link any}: a pattern whose incidents name a process that died (the library's OOM kills,
 * or a user's pattern) has the incidents opening near it on the same host related to it, each
 * summary ending with the note its pattern words.
 */
class LinkAnyTest {
    /** Seed 001 (scenarios/001-oom-kill-truncated-log): the kernel's kill line and the backend log's first line. */
    private static final Instant KILLED = Instant.parse("2026-02-08T21:41:49Z");
    private static final String KILL = "Out of memory: Killed process 632846 (uvicorn) total-vm:7420220kB, anon-rss:5282696kB,"
            + " file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:11172kB oom_score_adj:0";
    private static final String STARTED = "INFO:     Started server process [632846]";
    private static final String APP = """
            pattern server_started {
              match file where message ~ /Started server process \\[(?<pid>\\d+)\\]/
              group by pid
              type server_started
              subject "{pid}"
              summary "server process {pid} started"
            }
            pattern server_process {
              match file where message ~ /Started server process \\[(?<server_pid>\\d+)\\]/
              group by server_pid
              type server_seen
              subject "{server_pid}"
              summary "server {server_pid} seen"
            }
            """;

    @Test
    void anIncidentAboutTheKilledProcessShouldSaySoAndOneAboutAnotherShouldSayWhenTheKillCame() {
        PatternSet set = PatternLoader.withLibrary(Map.of("app.vigil", APP)).patterns();
        PatternEngine engine = new PatternEngine(() -> set, EngineState.inMemory());
        List<Incident> out = new ArrayList<>();
        out.addAll(engine.onEvent(event("k-1", Source.KERNEL, KILLED, KILL), KILLED, KILLED));
        Instant started = KILLED.plus(Duration.ofMinutes(2));
        out.addAll(engine.onEvent(event("f-1", Source.FILE, started, STARTED), started, started));

        Incident kill = last(out, "oom_kill");
        Incident same = last(out, "server_started");
        Incident other = last(out, "server_seen");
        assertEquals("server process 632846 started; its process uvicorn (pid 632846) was killed by the kernel OOM killer",
                same.summary());
        assertEquals("server 632846 seen; the kernel OOM killer killed uvicorn (pid 632846) on this host 2m before",
                other.summary());
        assertEquals(List.of(kill.id()), same.related());
        assertTrue(kill.related().containsAll(List.of(same.id(), other.id())), kill.related().toString());
    }

    @Test
    void aUsersPatternShouldLinkTheIncidentsNearItsOwnDeaths() {
        PatternSet set = PatternLoader.fromSources(Map.of("app.vigil", APP + """
                pattern backend_killed {
                  match kernel where message ~ /Killed process (?<victim>\\d+) \\((?<name>[^)]*)\\)/
                  link any within 1m naming victim, name
                    note "{name} ({victim}) died here"
                    else "{name} died {apart}"
                  type backend_killed
                  subject "{name}"
                  summary "{name} killed"
                }
                """)).patterns();
        PatternEngine engine = new PatternEngine(() -> set, EngineState.inMemory());
        List<Incident> out = new ArrayList<>();
        out.addAll(engine.onEvent(event("k-1", Source.KERNEL, KILLED, KILL), KILLED, KILLED));
        Instant soon = KILLED.plusSeconds(30);
        out.addAll(engine.onEvent(event("f-1", Source.FILE, soon, STARTED), soon, soon));
        Instant late = KILLED.plus(Duration.ofMinutes(2));
        out.addAll(engine.onEvent(event("f-2", Source.FILE, late, STARTED.replace("632846", "632900")), late, late));

        Incident kill = last(out, "backend_killed");
        assertEquals("server process 632846 started; uvicorn (632846) died here", first(out, "server_started").summary());
        assertEquals("server 632846 seen; uvicorn died 30s before", first(out, "server_seen").summary());
        assertEquals("server process 632900 started", last(out, "server_started").summary(), "2m after the kill: beyond 1m");
        assertEquals(2, kill.related().size(), kill.related().toString());
    }

    private static Incident last(List<Incident> out, String type) {
        List<Incident> of = out.stream().filter(i -> i.type().equals(type)).toList();
        assertTrue(!of.isEmpty(), "no " + type + " in " + out);
        return of.get(of.size() - 1);
    }

    private static Incident first(List<Incident> out, String type) {
        return out.stream().filter(i -> i.type().equals(type)).findFirst().orElseThrow();
    }

    private static Event event(String id, Source source, Instant ts, String message) {
        Event.Builder b = Event.builder("kontali-dev", source, ts, message).id(id);
        return (source == Source.FILE ? b.file("/home/dev/backend.log") : b).build();
    }
}
