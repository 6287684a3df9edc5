package dev.vigil.analyzer.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentTopic;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ScenarioFiles;
import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.analyzer.topology.AnalyzerTestKit;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil demo 000}: the seed's crash loop, played from the jar into a live analyzer, opens its incident as recent, never dated ahead. */
@Tag("integration")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DemoPlayerIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void shouldOpenTheCrashLoopIncidentOfSeed000AsIfItHappenedNow() throws Exception {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 2, (short) 1);
        }
        SeedScenario seed = SeedScenario.of("000");
        ScenarioFiles files = ScenarioFiles.read(seed.extractTo(dir, List.of("expected.json", "journal.json")));
        Instant before = Instant.now();
        try (Analyzer analyzer = AnalyzerTestKit.started(AnalyzerConfig.defaults(KAFKA.bootstrapServers(), dir.resolve("streams")));
                KafkaProducer<String, byte[]> producer = AnalyzerTestKit.producer(KAFKA.bootstrapServers())) {
            // 100 restarts 11 s apart take 18 minutes; at this speed the play takes a few seconds
            List<Event> recorded = new ArrayList<>();
            long played = new Replay(PatternSet.empty(), line -> { })
                    .stream(files.inputs(), new Replay.Options(files.host(), null), recorded::add);
            DemoPlayer player = new DemoPlayer(producer, VigilTopics.EVENTS, Clock.systemUTC(), 1000, DemoPlayer.Timeline.of(recorded));
            for (Event e : recorded) {
                player.play(e);
            }
            assertTrue(played > 1000, "the scenario's journal was played: " + played);

            Incident burst = await("the crash loop's restart_burst at its full count").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> IncidentTopic.readAll(KAFKA.bootstrapServers(), Duration.ofSeconds(3)).stream()
                            .filter(i -> i.type().equals("restart_burst")).reduce((a, b) -> b)
                            .filter(i -> i.count() >= 95).orElse(null), i -> i != null);
            assertEquals("rivet-worker.service", burst.subject());
            assertTrue(burst.summary().contains("No module named 'asyncpg'"), burst.summary());
            Instant read = Instant.now();
            // the recording ends when the play does: the incident lies in the last 18 minutes, never ahead
            assertTrue(!burst.lastSeen().isAfter(read), "not in the future: " + burst.lastSeen() + " > " + read);
            assertTrue(burst.firstSeen().isAfter(before.minus(Duration.ofMinutes(20))), "stamped as recent: " + burst.firstSeen());
        }
    }
}
