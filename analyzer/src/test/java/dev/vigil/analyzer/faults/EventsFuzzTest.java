package dev.vigil.analyzer.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.deadletter.DeadLetters;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.analyzer.topology.AnalyzerTopology;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand damaged records on {@code vigil.events} among real OOM-kill lines: every damaged
 * one is dead-lettered with a reason and its offset, none stops the topology, and every kill
 * between them opens its incident as it would alone.
 */
class EventsFuzzTest {
    /** Seed 001's kill line; the pid and process name vary per kill so each is its own incident. */
    private static final String OOM_LINE = "Out of memory: Killed process %d (%s) total-vm:6877364kB, anon-rss:5282696kB, "
            + "file-rss:2372kB, shmem-rss:0kB, UID:1000 pgtables:10840kB oom_score_adj:0";
    private static final Instant START = Instant.parse("2026-02-08T21:41:48Z");
    private static final int BAD = 10_000;
    private static final int BAD_PER_GOOD = 100;

    @TempDir
    Path stateDir;

    @Test
    void shouldDeadLetterEveryDamagedRecordWithItsReasonAndKeepEveryKillBetweenThem() {
        AnalyzerConfig config = AnalyzerConfig.defaults("unused:9092", stateDir);
        PatternSet library = PatternFiles.load(List.of());
        try (TopologyTestDriver driver = new TopologyTestDriver(AnalyzerTopology.build(config, () -> library, new AtomicLong()),
                Analyzer.streamsProperties(config), START)) {
            TestInputTopic<String, byte[]> events = driver.createInputTopic(config.eventsTopic(), Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            TestOutputTopic<String, byte[]> incidents = driver.createOutputTopic(config.incidentsTopic(),
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            TestOutputTopic<String, byte[]> deadletter = driver.createOutputTopic(config.deadletterTopic(),
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            BadRecordFuzz fuzz = new BadRecordFuzz(13);
            Set<Long> badOffsets = new HashSet<>();
            Set<String> victims = new HashSet<>();
            long offset = 0;
            for (int n = 0; n < BAD; n++) {
                // a real kill every 10 s: kernel_oom_kill joins kills less than 5 s apart into one episode
                Instant at = START.plusMillis(n * 100L);
                if (n % BAD_PER_GOOD == 0) {
                    String victim = "worker" + n / BAD_PER_GOOD;
                    victims.add(victim);
                    events.pipeInput("kontali-dev", EventJson.toBytes(kill(at, victim, n)), at);
                    offset++;
                }
                events.pipeInput("kontali-dev", fuzz.damage(kill(at, "fuzzed", n), n), at);
                badOffsets.add(offset++);
            }

            List<DeadLetter> letters = deadletter.readValuesToList().stream().map(DeadLetters::parse).toList();
            assertEquals(badOffsets, letters.stream().map(DeadLetter::offset).collect(Collectors.toSet()),
                    "each damaged record dead-lettered, at its own offset");
            assertEquals(BAD, letters.size(), "once each");
            for (DeadLetter l : letters) {
                assertFalse(l.reason() == null || l.reason().isBlank(), "a reason for offset " + l.offset());
            }
            TreeMap<String, Long> reasons = letters.stream().collect(Collectors.groupingBy(
                    l -> l.reason().replaceAll("[0-9]+", "N").replaceAll("'.*'", "'…'").replaceAll(":.*", ""),
                    TreeMap::new, Collectors.counting()));
            System.out.println("dead-letter reasons " + reasons);

            Set<String> killed = incidents.readValuesToList().stream().map(IncidentJson::parse)
                    .filter(i -> i.type().equals("oom_kill")).map(Incident::subject).collect(Collectors.toSet());
            assertEquals(victims, killed, "one incident per real kill, none from a damaged record");
        }
    }

    private static Event kill(Instant at, String victim, int n) {
        return Event.builder("kontali-dev", Source.KERNEL, at, String.format(OOM_LINE, 600_000 + n, victim))
                .id("kill-" + victim + "-" + n).bootId("99fa798ba6b145c11634651c0d7d616d").priority(3).build();
    }
}
