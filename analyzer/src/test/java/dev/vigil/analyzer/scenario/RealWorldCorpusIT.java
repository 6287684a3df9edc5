package dev.vigil.analyzer.scenario;

import static org.awaitility.Awaitility.await;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentTopic;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ScenarioFiles;
import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.analyzer.topology.AnalyzerTestKit;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-world corpus cases sent as events to a real broker and read back as incidents from
 * {@code vigil.incidents}, the live analyzer in between: an OOM kill whose lines name two pids, a
 * user unit's crash loop linked to its start limit, kubelet's pre-1.20 back-off, supervisord's
 * exits linked to its FATAL, and servers' and runtimes' own reports of a death (gunicorn, uWSGI and
 * PM2 restart loops, a PostgreSQL child killed, Node's heap, a JVM's OutOfMemoryError, Redis's crash
 * report, a Go panic in a container log, bash reporting a child Killed).
 */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealWorldCorpusIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final List<String> CASES = List.of(
            "kernel-oom/3.10-selected-pid-is-not-the-killed-pid",
            "kernel-oom/6.16-global-killed-process",
            "systemd/249-user-unit-restart-loop",
            "systemd/219-holdoff-then-start-request-repeated",
            "kubelet/1.8-capital-back-off",
            "supervisord/3.x-exits-then-gave-up",
            "systemd-oom/cgroup-v2-unit-and-every-ancestor-slice",
            "wsgi/gunicorn-20-worker-sigkill-perhaps-out-of-memory",
            "wsgi/uwsgi-2.0-workers-killed-and-respawned",
            "pm2/4.x-app-exits-and-restarts-until-errored",
            "postgres/13-backend-killed-by-signal-9",
            "app-crash/node-heap-out-of-memory-pm2-daemon",
            "app-crash/elasticsearch-6-fatal-outofmemoryerror",
            "app-crash/redis-5.0.5-crashed-by-signal-11",
            "app-crash/go-runtime-out-of-memory-container",
            "app-crash/bash-reports-mysqld-bootstrap-killed",
            "kernel-page-alloc/3.10-journal-atomic-failures-on-two-cpus",
            "kernel-fs/4.x-ext4-aborted-journal-rsync",
            "kernel-panic/5.10-riscv-fatal-exception-in-interrupt",
            "kernel-oops/6.1-null-pointer-dereference-cat",
            "kernel-disk/4.x-syslog-print-req-error-k8s-node");

    @TempDir
    Path stateDir;

    @Test
    void casesShippedThroughKafkaShouldGiveTheirExpectedIncidents() throws Exception {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 2, (short) 1);
        }
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), stateDir).withApplicationId("vigil-corpus-it");
        try (Analyzer analyzer = AnalyzerTestKit.started(config);
                KafkaProducer<String, byte[]> producer = AnalyzerTestKit.producer(KAFKA.bootstrapServers())) {
            Replay reader = new Replay(PatternFiles.load(List.of()), line -> { });
            for (String name : CASES) {
                Path dir = RealWorldCorpusTest.root().resolve(name);
                // kernel and app-log inputs take the host given here: one per case, so two kills
                // replayed at the same instant stay two hosts' kills
                ScenarioFiles files = ScenarioFiles.read(dir);
                Set<String> hosts = new HashSet<>();
                reader.stream(files.inputs(), new Replay.Options("corpus-it-" + CASES.indexOf(name), null), e -> {
                    hosts.add(e.host());
                    send(producer, e);
                });
                producer.flush();
                ScenarioExpectation expected = ScenarioExpectation.read(dir);
                await(name + " through Kafka").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> expected.violations(incidentsOf(hosts)), List::isEmpty);
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, Event e) {
        producer.send(new ProducerRecord<>(VigilTopics.EVENTS, e.host(), EventJson.toBytes(e)));
    }

    private static List<Incident> incidentsOf(Set<String> hosts) {
        List<Incident> out = new ArrayList<>();
        for (Incident i : IncidentTopic.readAll(KAFKA.bootstrapServers(), Duration.ofSeconds(3))) {
            if (hosts.contains(i.host())) {
                out.add(i);
            }
        }
        return out;
    }
}
