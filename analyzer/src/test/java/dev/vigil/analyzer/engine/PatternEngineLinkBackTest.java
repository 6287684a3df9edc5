package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An episode that a newer one links back to is re-sent with the new id in its {@code related}:
 * that record is sent, so the next tick must not send it again. Seed 000's crash loop and seed
 * 001's OOM kill on one host, replayed as a backlog: the loop's fifth restart, seconds after the
 * kill, opens the restart burst, which links the kill.
 */
class PatternEngineLinkBackTest {
    private static final String HOST = "srv707254";
    private static final String UNIT = "rivet-worker.service";
    /** systemd's message id of a scheduled restart (scenarios/000-crash-loop/journal.json). */
    private static final String RESTART_MESSAGE_ID = "5eb03494b6584870a536b337290809b3";
    /** Verbatim from scenarios/000-crash-loop/journal.json (counters 1 to 6, as the seed has them). */
    private static final String RESTART = UNIT + ": Scheduled restart job, restart counter is at %d.";
    /** Seed 000's idle line (scenarios/000-crash-loop/journal.json), repeated between the episodes. */
    private static final String IDLE = "2026-01-10 07:23:49,318 INFO rivet.worker: queue empty, sleeping 30s";
    /** One kill's lines, verbatim from scenarios/001-oom-kill-truncated-log/kmsg.txt (records 1918-1920). */
    private static final List<String> KILL = List.of(
            "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
                    + "task_memcg=/user.slice/user-1000.slice/session-692.scope,task=uvicorn,pid=632846,uid=1000",
            "Out of memory: Killed process 632846 (uvicorn) total-vm:6877364kB, anon-rss:5282696kB, file-rss:2372kB, "
                    + "shmem-rss:0kB, UID:1000 pgtables:10840kB oom_score_adj:0",
            "oom_reaper: reaped process 632846 (uvicorn), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB");
    private static final Instant T0 = Instant.parse("2026-01-10T07:23:00Z");
    /** Host time between the idle lines of the replay. */
    private static final Duration STEP = Duration.ofMillis(50);
    /** Analyzer time per event processed: the backlog goes a little faster than it was written. */
    private static final Duration PACE = Duration.ofMillis(40);

    @Test
    void shouldNotSendALinkedEpisodeTwiceWhileWorkingThroughABacklog() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        PatternEngine engine = new PatternEngine(() -> library, EngineState.inMemory());
        List<Event> backlog = backlog();
        // the analyzer was down for half an hour: every event is that old when it is processed
        Instant now = T0.plus(Duration.ofMinutes(30));
        Instant nextTick = now.plus(Duration.ofSeconds(1));
        List<Incident> sent = new ArrayList<>();
        for (Event e : backlog) {
            sent.addAll(engine.onEvent(e, e.ts(), now));
            now = now.plus(PACE);
            // Kafka Streams punctuates between records once a second of wall-clock time has passed
            if (!now.isBefore(nextTick)) {
                sent.addAll(engine.onTick(now));
                nextTick = now.plus(Duration.ofSeconds(1));
            }
        }
        for (int i = 0; i < 10; i++) {
            now = now.plus(Duration.ofSeconds(1));
            sent.addAll(engine.onTick(now));
        }

        Set<String> distinct = new HashSet<>();
        for (Incident i : sent) {
            assertTrue(distinct.add(IncidentJson.toJson(i)), "sent twice: " + IncidentJson.toJson(i));
        }
        List<Incident> kill = sent.stream().filter(i -> i.type().equals("oom_kill")).toList();
        Incident burst = sent.stream().filter(i -> i.type().equals("restart_burst")).findFirst().orElseThrow();
        Incident resolved = kill.get(kill.size() - 1);
        assertEquals(List.of(), kill.get(0).related(), "the kill's first record, before the burst: " + kill);
        assertEquals(1, kill.stream().filter(i -> i.status() == Incident.Status.FIRING && i.related().equals(List.of(burst.id())))
                .count(), "the kill re-sent once with the burst it is linked to: " + kill);
        assertEquals(Incident.Status.RESOLVED, resolved.status());
        assertEquals(List.of(burst.id()), resolved.related());
        assertEquals(3, resolved.count());
        assertEquals(List.of(kill.get(0).id()), burst.related());
    }

    /** Idle lines every 50 ms; restarts every 11 s from 0 s, the kill at 42 s, the fifth restart (the burst) at 44 s. */
    private static List<Event> backlog() {
        List<Event> events = new ArrayList<>();
        int restart = 1;
        Instant nextRestart = T0;
        Instant killAt = T0.plusSeconds(42);
        boolean killed = false;
        for (Instant t = T0; t.isBefore(T0.plusSeconds(70)); t = t.plus(STEP)) {
            if (!t.isBefore(nextRestart) && restart <= 6) {
                events.add(Event.builder(HOST, Source.JOURNALD, t, String.format(RESTART, restart)).unit(UNIT)
                        .messageId(RESTART_MESSAGE_ID).priority(6).id("restart-" + restart).build());
                restart++;
                nextRestart = restart == 5 ? T0.plusSeconds(44) : nextRestart.plusSeconds(11);
            }
            if (!killed && !t.isBefore(killAt)) {
                for (int i = 0; i < KILL.size(); i++) {
                    events.add(Event.builder(HOST, Source.KERNEL, t.plusNanos(14_000L * i), KILL.get(i)).bootId("boot-1")
                            .priority(i == 1 ? 3 : 6).id("kill-" + i).build());
                }
                killed = true;
            }
            events.add(Event.builder(HOST, Source.JOURNALD, t, IDLE).unit(UNIT).priority(6).id("idle-" + t).build());
        }
        return events;
    }
}
