package dev.vigil.analyzer.oom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentTopic;
import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.shippers.Shipper;
import dev.vigil.shippers.ShipperConfig;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing end to end: the kernel OOM-kills a real process in a memory cgroup, Vigil's
 * kernel source reads it from the real /dev/kmsg, ships it through a real broker, and the
 * analyzer's {@code oom_kill} incident names that pid and process.
 */
@Tag("integration")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class VigilSeesRealOomKillIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void shouldOpenAnOomKillIncidentNamingTheVictimTheKernelKilled() throws Exception {
        CgroupOomKill.Availability cgroups = CgroupOomKill.detect();
        assumeTrue(cgroups.isAvailable(), () -> "skipped: " + cgroups.reason());
        String kmsgProblem = KmsgTail.unavailableReason();
        assumeTrue(kmsgProblem == null, () -> "skipped: " + kmsgProblem);
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 2, (short) 1);
        }
        ShipperConfig shipping = ShipperConfig.defaults("oom-it-host", dir.resolve("shipper"), KAFKA.bootstrapServers())
                .withJournald(JournaldSourceConfig.disabled())
                .withFiles(FileTailConfig.defaults(List.of()));
        AnalyzerConfig analyzing = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), dir.resolve("streams"));

        try (Analyzer analyzer = new Analyzer(analyzing); Shipper shipper = new Shipper(shipping, Clock.systemUTC())) {
            analyzer.start();
            assertTrue(analyzer.awaitRunning(Duration.ofSeconds(90)), "analyzer running");
            shipper.start();
            assertTrue(shipper.activeSources().contains("kmsg"), "kernel source active: " + shipper.activeSources());

            CgroupOomKill.Result victim = cgroups.fixture().killOne(Duration.ofSeconds(30));
            assertEquals(9, victim.signal(), "the kernel SIGKILLed it");

            String pid = "pid " + victim.pid();
            Incident incident = await("an oom_kill incident naming " + pid).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> incidents().stream().filter(i -> i.type().equals("oom_kill") && i.summary().contains(pid + ","))
                            .reduce((a, b) -> b).orElse(null), i -> i != null);
            assertEquals(victim.comm(), incident.subject());
            assertEquals("oom-it-host", incident.host());
            assertTrue(incident.summary().startsWith("kernel OOM killer killed " + victim.comm() + " (" + pid + ", anon-rss "),
                    incident.summary());
            assertTrue(incident.evidence().stream().allMatch(e -> "kernel".equals(e.source())), incident.evidence().toString());
        }
    }

    private static List<Incident> incidents() {
        List<Incident> out = new ArrayList<>(IncidentTopic.readAll(KAFKA.bootstrapServers(), Duration.ofSeconds(4)));
        return out;
    }
}
