package dev.vigil.analyzer.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.broker.VigilTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil run} end to end on its own embedded broker: event in with a plain client, incident out on stdout. */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RunCommandIT {
    private static final Pattern READY = Pattern.compile("vigil: ready bootstrap=(\\S+) ");
    private static final String OOM_EVENT = "{\"host\":\"kontali-1\",\"source\":\"kernel\",\"ts\":\"2026-02-08T21:41:48.120Z\","
            + "\"boot_id\":\"4f1c\",\"seq\":1077,\"message\":\"Out of memory: Killed process 632846 (uvicorn) "
            + "total-vm:1873324kB, anon-rss:1502312kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:3220kB oom_score_adj:0\"}";

    @TempDir
    Path dataDir;

    @Test
    void shouldPrintAnOomKillIncidentForAnEventAnyKafkaClientProducedAndReuseTheDataOnRestart() throws Exception {
        String firstIncidentId;
        try (RunningVigil vigil = RunningVigil.start(dataDir)) {
            produce(vigil.bootstrap, "kontali-1", OOM_EVENT);
            produce(vigil.bootstrap, null, "not an event");

            String line = await("an oom_kill JSON line on stdout").atMost(Duration.ofSeconds(60))
                    .until(() -> vigil.firstStdoutLine(), l -> l != null);
            Incident incident = IncidentJson.parse(line.getBytes(StandardCharsets.UTF_8));
            assertEquals("oom_kill", incident.type());
            assertEquals("uvicorn", incident.subject());
            assertEquals("kontali-1", incident.host());
            assertTrue(incident.summary().contains("pid 632846"), incident.summary());
            firstIncidentId = incident.id();
            assertEquals(0, vigil.stop(), "exit code after Ctrl-C");
        }

        try (RunningVigil again = RunningVigil.start(dataDir)) {
            List<Incident> kept = readIncidents(again.bootstrap, 1);
            assertEquals(firstIncidentId, kept.get(0).id(), "the first run's incident is still in vigil.incidents");
            assertEquals("", again.out.toString(), "a restart does not print old incidents again");
            assertEquals(0, again.stop());
        }
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(VigilTopics.EVENTS, key, value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Incident> readIncidents(String bootstrap, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Incident> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(VigilTopics.INCIDENTS));
            await("incidents in " + VigilTopics.INCIDENTS).atMost(Duration.ofSeconds(60)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(IncidentJson.parse(r.value())));
                return out.size() >= expected;
            });
        }
        return out;
    }

    /** {@code vigil run --json} on a thread, with its stdout and stderr captured. */
    private static final class RunningVigil implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final RunCommand command = new RunCommand(() -> false);
        final CompletableFuture<Integer> exit;
        final String bootstrap;

        private RunningVigil(Path dataDir) {
            CommandLine cmd = new CommandLine(command);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            exit = CompletableFuture.supplyAsync(() -> cmd.execute("--json", "--data-dir", dataDir.toString(), "--kafka-port", "0",
                    // this host's own journal and kernel log would add incidents of their own; the
                    // path under test is Kafka in, incident out
                    "--no-journald", "--no-kmsg"));
            Matcher ready = await("the ready line on stderr").atMost(Duration.ofSeconds(90))
                    .until(() -> READY.matcher(err.toString()), m -> m.find() || exit.isDone());
            assertTrue(!exit.isDone(), "vigil run exited early: " + err);
            bootstrap = ready.group(1);
        }

        static RunningVigil start(Path dataDir) {
            return new RunningVigil(dataDir);
        }

        String firstStdoutLine() {
            String s = out.toString();
            int nl = s.indexOf('\n');
            return nl < 0 ? null : s.substring(0, nl);
        }

        int stop() throws Exception {
            command.requestStop();
            return exit.get(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (!exit.isDone()) {
                stop();
            }
        }
    }
}
