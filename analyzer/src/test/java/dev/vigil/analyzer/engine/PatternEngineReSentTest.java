package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.engine.absence.StreamState;
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
 * A shipper restarted after a crash sends again from its checkpoint: every event it re-sends is
 * counted once, and only the events a counting step uses are looked up among the recent ids, so
 * the common line (one no pattern counts) costs no lookup and no changelog record. The steps that
 * do not count take a re-sent line again without changing.
 */
class PatternEngineReSentTest {
    private static final PatternSet LIBRARY = PatternLoader.loadLibrary().patterns();
    private static final String HOST = "web-1";
    private static final String ACCESS_LOG = "/var/log/apache2/access.log";
    /** Verbatim from app-log-headers/lines.tsv (apache-access; source in the SOURCES beside it), repeated. */
    private static final String ACCESS_LINE = "127.0.0.1 - - [28/Jul/2006:10:27:32 -0300] \"GET /hidden/ HTTP/1.0\" 404 7218";
    /** Seed 001's kill, as AnalyzerTopologyTest has it. */
    private static final String OOM_LINE = "Out of memory: Killed process 632846 (uvicorn) total-vm:1873324kB, "
            + "anon-rss:1502312kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:3220kB oom_score_adj:0";
    private static final Instant T0 = Instant.parse("2026-02-08T21:00:00Z");

    private final InMemoryRecentIds seen = new InMemoryRecentIds(PatternEngine.DEDUPE_WINDOW);
    private final EngineState state = new EngineState(new InMemoryStateMap<>(), new InMemoryStateMap<>(),
            new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemoryStateMap<>(), seen,
            new InMemoryStateMap<>());
    private final PatternEngine engine = new PatternEngine(() -> LIBRARY, state);

    /** The access log's lines, one every 30 s, each with the id the shipper gives it (file and offset). */
    private static List<Event> accessLog(int lines) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add(Event.builder(HOST, Source.FILE, T0.plusSeconds(30L * i), ACCESS_LINE).file(ACCESS_LOG)
                    .offset(i * 80L).id(HOST + ":" + ACCESS_LOG + ":" + i * 80L).build());
        }
        return out;
    }

    private List<Incident> process(List<Event> events, Instant now) {
        List<Incident> out = new ArrayList<>();
        for (Event e : events) {
            out.addAll(engine.onEvent(e, now, now));
        }
        return out;
    }

    private StreamState accessLogStream() {
        List<StreamState> streams = state.streams().entries().stream().map(Map.Entry::getValue)
                .filter(s -> s.pattern().equals("app_log_truncation")).toList();
        assertEquals(1, streams.size(), "one stream for the access log: " + streams);
        return streams.get(0);
    }

    @Test
    void shouldNotChangeAnAbsenceStreamsRhythmWhenABatchOfItsLinesIsSentAgain() {
        List<Event> log = accessLog(40);
        Instant now = T0.plus(Duration.ofMinutes(20));
        process(log, now);
        StreamState before = accessLogStream();
        assertEquals(40, before.events());
        assertEquals(30_000, before.usualGapMillis());

        process(log.subList(30, 40), now.plusSeconds(5)); // the last ten lines again, after the shipper's restart

        assertEquals(before, accessLogStream(), "same events, rhythm, run start and last line");
    }

    @Test
    void shouldNotResolveASilentStreamWhenItsOldLinesAreSentAgain() {
        List<Event> log = accessLog(40);
        Instant now = T0.plus(Duration.ofMinutes(20));
        process(log, now);
        // the host lives on (heartbeats) while the log says nothing for half an hour
        List<Incident> opened = new ArrayList<>();
        for (int m = 1; m <= 30; m++) {
            Instant at = log.get(39).ts().plus(Duration.ofMinutes(m));
            engine.onEvent(Event.builder(HOST, Source.SHIPPER, at, "heartbeat").identifier("heartbeat").id(HOST + "/" + at)
                    .build(), at, at);
            opened.addAll(engine.onTick(at));
        }
        assertEquals(List.of("log_truncation"), opened.stream().map(Incident::type).toList());

        List<Incident> after = process(log.subList(30, 40), log.get(39).ts().plus(Duration.ofMinutes(31)));

        assertEquals(List.of(), after, "the re-sent lines are not the log resuming");
        assertTrue(accessLogStream().openEpisode() != null, "the truncation stays open");
    }

    @Test
    void shouldLookUpOnlyTheEventsACountingStepUses() {
        process(accessLog(40), T0.plus(Duration.ofMinutes(20)));
        assertEquals(0, seen.size(), "no pattern counts an access-log line: none is remembered");

        Event kill = Event.builder(HOST, Source.KERNEL, T0.plus(Duration.ofMinutes(21)), OOM_LINE).id("kmsg-1918").build();
        Instant now = T0.plus(Duration.ofMinutes(21));
        List<Incident> first = engine.onEvent(kill, now, now);
        List<Incident> again = engine.onEvent(kill, now.plusSeconds(2), now.plusSeconds(2));
        List<Incident> ticked = engine.onTick(now.plusSeconds(3));

        assertEquals(1, seen.size(), "the kill a pattern counts is remembered, once");
        assertEquals(List.of(), again, "the re-sent kill changes nothing");
        List<Incident> kills = new ArrayList<>(first);
        kills.addAll(ticked);
        kills.removeIf(i -> !i.type().equals("oom_kill"));
        assertTrue(!kills.isEmpty(), "the kill is reported");
        assertTrue(kills.stream().allMatch(i -> i.count() == 1), "one kill, counted once: " + kills);
    }
}
