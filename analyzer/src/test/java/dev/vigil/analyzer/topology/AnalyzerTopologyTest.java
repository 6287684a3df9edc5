package dev.vigil.analyzer.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.engine.PatternEngine;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class AnalyzerTopologyTest extends TopologyDriverFixture {
    /** Seed 001: the uvicorn backend killed by the kernel at 21:41:48, its log cut at 21:41:47. */
    private static final Instant KILLED_AT = Instant.parse("2026-02-08T21:41:48.120Z");
    private static final String OOM_LINE = "Out of memory: Killed process 632846 (uvicorn) total-vm:1873324kB, "
            + "anon-rss:1502312kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:3220kB oom_score_adj:0";

    /** The analyzer's clock at the start of each test: a moment after the seed's kill. */
    private static final Instant START = Instant.parse("2026-02-08T21:41:50Z");

    AnalyzerTopologyTest() {
        super(START);
    }

    /**
     * An event passes three nodes (source, intake, the engine, which also takes the signed copies),
     * not a merge, a branch and casts; the stores, and so their changelogs, and the internal topics keep their
     * names and their sub-topologies (task ids), so a restarted analyzer finds its state.
     */
    @Test
    void shouldRunAnEventThroughThreeNodesAndKeepTheNamesOfItsStoresAndTopics() {
        TopologyDescription d = AnalyzerTopology.build(AnalyzerConfig.defaults("unused:9092", stateDir), () -> LIBRARY,
                new AtomicLong()).describe();
        Map<String, TopologyDescription.Node> nodes = new HashMap<>();
        Map<String, Integer> subtopologyOf = new HashMap<>();
        for (TopologyDescription.Subtopology sub : d.subtopologies()) {
            sub.nodes().forEach(n -> {
                nodes.put(n.name(), n);
                subtopologyOf.put(n.name(), sub.id());
            });
        }
        List<String> path = new ArrayList<>();
        for (TopologyDescription.Node n = nodes.get(AnalyzerTopology.EVENTS_SOURCE); ; ) {
            path.add(n.name());
            if (n.name().equals(AnalyzerTopology.PATTERNS)) {
                break;
            }
            n = n.successors().stream().filter(next -> !(next instanceof TopologyDescription.Sink)
                    && !next.name().startsWith(AnalyzerTopology.SIGNATURE_REQUESTS)).findFirst().orElseThrow();
        }

        assertEquals(List.of("events-source", "event-intake", "run-patterns"), path);
        assertEquals(java.util.Set.of("vigil-streams", "vigil-kills", "vigil-causes", "vigil-hosts", "vigil-windows",
                "vigil-episodes", "vigil-dedupe-ids", "vigil-sequences"),
                ((TopologyDescription.Processor) nodes.get(AnalyzerTopology.PATTERNS)).stores());
        assertEquals(java.util.Set.of("vigil-signature-miner"),
                ((TopologyDescription.Processor) nodes.get(AnalyzerTopology.MINE_SIGNATURES)).stores());
        assertEquals(0, subtopologyOf.get(AnalyzerTopology.PATTERNS));
        assertEquals(1, subtopologyOf.get(AnalyzerTopology.MINE_SIGNATURES));
        assertEquals(java.util.Set.of("signature-requests-repartition"),
                ((TopologyDescription.Source) nodes.get("signature-requests-repartition-source")).topicSet());
        assertEquals(java.util.Set.of("signed-events-repartition"),
                ((TopologyDescription.Source) nodes.get("signed-events-repartition-source")).topicSet());
    }

    @Test
    void shouldOpenAnOomKillIncidentNamingTheVictim() {
        Event kill = Event.builder("kontali-1", Source.KERNEL, KILLED_AT, OOM_LINE)
                .id("e-1").bootId("4f1c").seq(1077L).priority(3).build();

        events.pipeInput("kontali-1", EventJson.toBytes(kill), KILLED_AT.plusMillis(40));

        List<KeyValue<String, Incident>> out = incidents.readKeyValuesToList();
        assertEquals(1, out.size());
        Incident i = out.get(0).value;
        assertEquals(i.id(), out.get(0).key);
        assertEquals("oom_kill", i.type());
        assertEquals(Incident.Status.FIRING, i.status());
        assertEquals("critical", i.severity());
        assertEquals("kontali-1", i.host());
        assertEquals("uvicorn", i.subject());
        assertEquals(1, i.count());
        assertEquals(KILLED_AT, i.firstSeen());
        assertEquals("kernel_oom_kill", i.pattern());
        assertEquals("kernel OOM killer killed uvicorn (pid 632846, anon-rss 1502312 kB)", i.summary());
        assertEquals(List.of(new Incident.Evidence("e-1", KILLED_AT, "kernel", OOM_LINE)), i.evidence());
        assertEquals(Map.of(), i.labels(), "no cgroup label: the line does not name one");
        assertTrue(deadletter.isEmpty());
    }

    @Test
    void shouldSendTheFirstRecordOfAKillWithTheSizesFromItsKilledProcessLine() {
        // newer kernels write oom-kill: (no sizes) a moment before Killed process (with them)
        String constraint = "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
                + "task_memcg=/user.slice/user-1000.slice/session-3.scope,task=uvicorn,pid=632846,uid=1000";
        pipeKernelLine("e-1", KILLED_AT, constraint);
        assertTrue(incidents.isEmpty(), "a first record would say anon-rss ?: it waits for the next line");
        pipeKernelLine("e-2", KILLED_AT.plusMillis(1), OOM_LINE);

        List<Incident> out = incidents.readValuesToList();
        assertEquals(1, out.size(), "one record for both lines: " + out);
        assertEquals("kernel OOM killer killed uvicorn (pid 632846, anon-rss 1502312 kB)", out.get(0).summary());
        assertEquals(2, out.get(0).count());
    }

    @Test
    void shouldSendAFirstRecordThatLacksAValueAtTheNextTickAtTheLatest() {
        String constraint = "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,"
                + "task_memcg=/system.slice/api.service,task=api,pid=4242,uid=0";
        pipeKernelLine("e-1", KILLED_AT, constraint);
        driver.advanceWallClockTime(PatternEngine.UPDATE_INTERVAL);

        Incident first = incidents.readValue();
        assertEquals("kernel OOM killer killed api (pid 4242)", first.summary(),
                "no Killed process line came: the kill is still reported");
    }

    @Test
    void shouldDropAnEventReSentWithTheSameId() {
        Event kill = Event.builder("kontali-1", Source.KERNEL, KILLED_AT, OOM_LINE).id("e-1").bootId("4f1c").build();

        events.pipeInput("kontali-1", EventJson.toBytes(kill));
        events.pipeInput("kontali-1", EventJson.toBytes(kill));
        driver.advanceWallClockTime(Duration.ofSeconds(2)); // past the update interval: a second count would show

        List<Incident> out = incidents.readValuesToList();
        assertEquals(1, out.size());
        assertEquals(1, out.get(0).count());
    }

    @Test
    void shouldStillKnowAnEventReSentJustInsideTheDedupeWindow() {
        Event kill = Event.builder("kontali-1", Source.KERNEL, KILLED_AT, OOM_LINE).id("e-1").bootId("4f1c").build();
        events.pipeInput("kontali-1", EventJson.toBytes(kill));
        driver.advanceWallClockTime(PatternEngine.DEDUPE_WINDOW.minusMinutes(1));
        assertEquals(1, incidents.readValuesToList().size(), "the kill's incident");

        events.pipeInput("kontali-1", EventJson.toBytes(kill));
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        // counted again, it would update the kill's incident (count 2)
        assertEquals(List.of(), incidents.readValuesToList(), "remembered across its id's buckets and the store's segments");
    }

    @Test
    void shouldMergeTheLinesOfOneKillIntoOneIncidentUpdatedAtMostOncePerSecond() {
        String reaper = "oom_reaper: reaped process 632846 (uvicorn), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB";
        events.pipeInput("kontali-1", EventJson.toBytes(
                Event.builder("kontali-1", Source.KERNEL, KILLED_AT, OOM_LINE).id("e-1").build()));
        events.pipeInput("kontali-1", EventJson.toBytes(
                Event.builder("kontali-1", Source.KERNEL, KILLED_AT.plusMillis(30), reaper).id("e-2").build()));

        assertEquals(1, incidents.readValuesToList().size(), "the update waits for the update interval");

        driver.advanceWallClockTime(PatternEngine.UPDATE_INTERVAL);

        Incident updated = incidents.readValue();
        assertEquals(2, updated.count());
        assertEquals("kernel OOM killer killed uvicorn (pid 632846, anon-rss 1502312 kB)", updated.summary(),
                "the reaper line does not erase what the kill line said");
        assertTrue(incidents.isEmpty());
    }

    @Test
    void shouldIgnoreOomLookalikesFromApplicationLogs() {
        Event appLine = Event.builder("kontali-1", Source.FILE, KILLED_AT, OOM_LINE).file("/var/log/app.log").build();

        events.pipeInput("kontali-1", EventJson.toBytes(appLine));

        assertTrue(incidents.isEmpty());
    }

    @Test
    void shouldSendUnparsableInputToTheDeadLetterTopicWithTheReasonAndKeepRunning() {
        events.pipeInput("kontali-1", "garbage".getBytes(StandardCharsets.UTF_8));
        events.pipeInput("kontali-1", "{\"host\":\"h\",\"source\":\"kernel\",\"message\":\"m\"}".getBytes(StandardCharsets.UTF_8));
        events.pipeInput("köln-2", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        events.pipeInput("kontali-1", EventJson.toBytes(
                Event.builder("kontali-1", Source.KERNEL, KILLED_AT, OOM_LINE).id("e-2").build()));

        List<KeyValue<String, byte[]>> records = deadletter.readKeyValuesToList();
        List<DeadLetter> letters = records.stream().map(r -> DeadLetters.parse(r.value)).toList();
        assertEquals(3, letters.size());
        // each letter keeps the key its record came with, in the letter and as the record's key
        assertEquals(List.of("kontali-1", "kontali-1", "köln-2"), records.stream().map(r -> r.key).toList());
        assertEquals(List.of("kontali-1", "kontali-1", "köln-2"), letters.stream().map(DeadLetter::key).toList());
        assertTrue(letters.get(0).reason().startsWith("not JSON: Unrecognized token 'garbage'"), letters.get(0).reason());
        assertEquals("garbage", letters.get(0).value());
        assertEquals("missing required field 'ts'", letters.get(1).reason());
        assertEquals(1L, letters.get(1).offset());
        assertNull(letters.get(2).value());
        assertEquals("//4A", letters.get(2).valueBase64());
        assertEquals(3, deadLettered.get());
        assertEquals("uvicorn", incidents.readValue().subject());
    }

    @Test
    void shouldDeadLetterEventsStampedFarInTheFuture() {
        Instant received = Instant.parse("2026-02-08T21:41:48Z");
        Event future = Event.builder("h", Source.KERNEL, Instant.parse("2027-02-08T00:00:00Z"), OOM_LINE).build();

        events.pipeInput("h", EventJson.toBytes(future), received);

        DeadLetter letter = DeadLetters.parse(deadletter.readValue());
        assertEquals("absurd timestamp: ts 2027-02-08T00:00:00Z is more than 24 h after the record reached Kafka at "
                + "2026-02-08T21:41:48Z", letter.reason());
        assertTrue(incidents.isEmpty());
    }

    @Test
    void shouldKeepAHostsIncidentsOpenWhenOneOfItsEventsIsStampedHoursAhead() {
        pipeKernelLine("e-1", KILLED_AT, OOM_LINE);
        assertEquals(Incident.Status.FIRING, incidents.readValuesToList().get(0).status());
        // one app line stamped 23 h ahead (a wrong zone, a broken stamp) reaches Kafka a second later
        Event ahead = Event.builder("kontali-1", Source.FILE, KILLED_AT.plus(Duration.ofHours(23)), "INFO worker started")
                .file("/srv/app/app.log").offset(0L).id("e-2").build();
        events.pipeInput("kontali-1", EventJson.toBytes(ahead), KILLED_AT.plusSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        assertTrue(incidents.readValuesToList().stream().noneMatch(i -> i.status() == Incident.Status.RESOLVED),
                "the OOM kill's 2 min quiet period has not passed on the host's clock");

        // the host's own time still ends it: a line 3 min after the kill, then the next tick
        pipeKernelLine("e-3", KILLED_AT.plus(Duration.ofMinutes(3)), "usb 1-1: new high-speed USB device number 3");
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        List<Incident> later = incidents.readValuesToList();
        assertEquals(Incident.Status.RESOLVED, later.get(later.size() - 1).status(), later.toString());
    }

    @Test
    void shouldIdentifyAnEventWithoutIdByItsContentAndKafkaPosition() {
        Event noId = Event.builder("h", Source.KERNEL, KILLED_AT, OOM_LINE).build();

        events.pipeInput("h", EventJson.toBytes(noId));
        events.pipeInput("h", EventJson.toBytes(noId));

        driver.advanceWallClockTime(PatternEngine.UPDATE_INTERVAL);

        List<Incident> out = incidents.readValuesToList();
        Incident last = out.get(out.size() - 1);
        assertEquals(2, last.count(), "two records at two offsets are two events, not a re-send");
        assertEquals(32, last.evidence().get(0).id().length());
        assertTrue(!last.evidence().get(0).id().equals(last.evidence().get(1).id()));
    }

    @Test
    void shouldCountAnErrorUnderItsTemplateOnEveryHostAndFoldATemplateThatGeneralised() {
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        authError("web-b", at, 0, "erin");
        authError("web-b", at.plusSeconds(1), 1, "erin");
        Incident erin = incidents.readValue();
        assertEquals("web-b", erin.host());
        assertEquals(2, erin.count());
        assertTrue(erin.summary().endsWith("ERROR login for user erin failed: account locked"), erin.summary());

        authError("web-a", at.plusSeconds(2), 2, "alice");
        assertTrue(incidents.isEmpty(), "one error on web-a is not an incident");
        authError("web-a", at.plusSeconds(3), 3, "bob"); // third user: the word is a parameter
        Incident users = incidents.readValue();
        assertEquals("web-a", users.host());
        assertTrue(users.summary().endsWith("ERROR login for user <*> failed: account locked"), users.summary());
        assertEquals(2, users.count(), "alice's line counts for the template it generalised into");

        authError("web-b", at.plusSeconds(4), 4, "frank");
        driver.advanceWallClockTime(PatternEngine.UPDATE_INTERVAL);
        Incident later = incidents.readValuesToList().stream().filter(i -> i.host().equals("web-b")).reduce((a, b) -> b)
                .orElseThrow();
        assertEquals(users.signature(), later.signature(), "web-b's next error has web-a's template id: " + later);
        assertEquals(erin.id(), later.id(), "web-b's episode goes on under the general template");
        assertEquals(3, later.count(), "web-b's two erin lines count for the general template too");
    }

    @Test
    void shouldMineAnAppLogErrorWithoutTheHeaderItsLayoutPutsBeforeTheMessage() {
        // a log4j line of a Hadoop NodeManager (app-log-headers/SOURCES), written again a second later
        Instant at = Instant.parse("2023-03-15T22:04:04.307Z");
        for (String line : List.of("2023-03-15 22:04:04,307 ERROR nodemanager.NodeManager: Error starting NodeManager",
                "2023-03-15 22:04:05,311 ERROR nodemanager.NodeManager: Error starting NodeManager")) {
            long offset = line.contains(":05,") ? 1 : 0;
            Event e = Event.builder("nm-1", Source.FILE, at.plusSeconds(offset), line)
                    .file("/var/log/hadoop/yarn-nodemanager.log").offset(offset).id("nm-1-" + offset).build();
            events.pipeInput("nm-1", EventJson.toBytes(e), at.plusSeconds(offset));
        }
        Incident incident = incidents.readValue();
        assertEquals(2, incident.count());
        assertTrue(incident.summary().endsWith(": Error starting NodeManager"), incident.summary());
        assertTrue(!incident.summary().contains("<*>") && !incident.summary().contains("ERROR"), incident.summary());
    }

    /** A kernel line of kontali-1, received by Kafka at the kill. */
    private void pipeKernelLine(String id, Instant at, String message) {
        events.pipeInput("kontali-1", EventJson.toBytes(Event.builder("kontali-1", Source.KERNEL, at, message).id(id).build()),
                KILLED_AT);
    }

    private void authError(String host, Instant at, long offset, String user) {
        Event e = Event.builder(host, Source.FILE, at, "ERROR login for user " + user + " failed: account locked")
                .file("/srv/auth/auth.log").offset(offset).id(host + "-" + offset).build();
        events.pipeInput(host, EventJson.toBytes(e), at);
    }

    @Test
    void shouldForgetTheIdsOfEventsOnceTheDedupeWindowHasPassed() {
        events.pipeInput("kontali-1", EventJson.toBytes(
                Event.builder("kontali-1", Source.KERNEL, KILLED_AT, OOM_LINE).id("e-1").build()));
        driver.advanceWallClockTime(PatternEngine.DEDUPE_WINDOW.multipliedBy(2));
        events.pipeInput("kontali-1", EventJson.toBytes(
                Event.builder("kontali-1", Source.KERNEL, KILLED_AT.plusSeconds(1), OOM_LINE).id("e-2").build()));

        KeyValueStore<String, byte[]> seen = driver.getKeyValueStore(StoreNames.SEEN);
        List<Long> remembered = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = seen.all()) {
            it.forEachRemaining(kv -> {
                ByteBuffer fingerprints = ByteBuffer.wrap(kv.value, 1, kv.value.length - 1);
                while (fingerprints.hasRemaining()) {
                    remembered.add(fingerprints.getLong());
                }
            });
        }
        assertTrue(remembered.contains(FingerprintSet.of("e-2")), "e-2 is written out with its commit");
        assertFalse(remembered.contains(FingerprintSet.of("e-1")), "e-1's entry went with the window");
    }

    @Test
    void shouldNotCallAHostSilentWhileItsHeartbeatsComeFromABacklogButSayItOnceItIsSilent() {
        // the analyzer starts at START and works through two hours of heartbeats that reached
        // Kafka as they were sent; web-2 died half an hour into them, web-1 lives on
        Instant from = START.minus(Duration.ofHours(2));
        Instant webTwoDied = from.plus(Duration.ofMinutes(30));
        Instant wall = START;
        int piped = 0;
        for (Instant t = from; t.isBefore(START); t = t.plusSeconds(30)) {
            pipeHeartbeat("web-1", t);
            if (t.isBefore(webTwoDied)) {
                pipeHeartbeat("web-2", t);
            }
            if (++piped % 20 == 0) { // twenty records a second: the backlog takes a few seconds
                driver.advanceWallClockTime(Duration.ofSeconds(1));
                wall = wall.plusSeconds(1);
            }
        }
        assertTrue(incidents.isEmpty(), "nothing is silent while the analyzer catches up: " + incidents.readValuesToList());

        for (int i = 0; i < 12; i++) {
            wall = wall.plusSeconds(30);
            pipeHeartbeat("web-1", wall);
            driver.advanceWallClockTime(Duration.ofSeconds(30));
        }

        List<Incident> out = incidents.readValuesToList();
        assertEquals(1, out.size(), "web-2 is silent once the backlog is done: " + out);
        assertEquals("host_silent", out.get(0).type());
        assertEquals("web-2", out.get(0).subject());
        assertEquals(webTwoDied.minusSeconds(30), out.get(0).firstSeen(), "silent since its last heartbeat");
    }

    private void pipeHeartbeat(String host, Instant at) {
        Event heartbeat = Event.builder(host, Source.SHIPPER, at, "heartbeat").identifier("heartbeat")
                .id(host + "/" + at).build();
        events.pipeInput(host, EventJson.toBytes(heartbeat), at);
    }
}
