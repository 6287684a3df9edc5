package dev.vigil.analyzer.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.broker.BrokerCredentials;
import dev.vigil.broker.VigilPrincipal;
import dev.vigil.broker.VigilTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

/**
 * {@code vigil run} end to end on its own embedded broker: event in with a Kafka client logged in
 * with the credentials in the data folder, incident out on stdout.
 */
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
            produce(vigil.bootstrap, "kontali-1", OOM_EVENT, dataDir);
            produce(vigil.bootstrap, null, "not an event", dataDir);

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
            List<Incident> kept = readIncidents(again.bootstrap, 1, dataDir);
            assertEquals(firstIncidentId, kept.get(0).id(), "the first run's incident is still in vigil.incidents");
            assertEquals("", again.out.toString(), "a restart does not print old incidents again");
            assertEquals(0, again.stop());
        }
    }

    @Test
    void shouldRefuseAClientWithoutTheLoginOfTheDataFolder() throws Exception {
        try (RunningVigil vigil = RunningVigil.start(dataDir)) {
            Map<String, Object> props = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, vigil.bootstrap,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
            try (Admin anonymous = Admin.create(props)) {
                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS));
                assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, e.getCause());
            }
            assertEquals(0, vigil.stop());
        }
    }

    @Test
    void shouldCreateItsDataFolderForItsOwnerOnly() throws Exception {
        Path fresh = dataDir.resolve("fresh");
        try (RunningVigil vigil = RunningVigil.start(fresh)) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
            assertEquals(0, vigil.stop());
        }
    }

    @Test
    void shouldShipAFileThroughItsOwnShipperAndRedactTheSecretsOfItsLinesInTheIncident() throws Exception {
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Path app = logs.resolve("orders.log");
        Files.writeString(app, "");
        try (RunningVigil vigil = RunningVigil.start(dataDir, "--file", app.toString(), "--no-multiline")) {
            StringBuilder lines = new StringBuilder();
            String[] secrets = {"Sup3r-S3cret", "0ther-Pa55", "Third-0ne"};
            for (int i = 0; i < secrets.length; i++) {
                lines.append("2026-12-03 02:30:0").append(i).append(",000 ERROR db connect failed url=postgres://app:")
                        .append(secrets[i]).append("@db:5432/orders\n");
            }
            Files.writeString(app, lines.toString());

            String line = await("an error_signature JSON line on stdout").atMost(Duration.ofSeconds(60))
                    .until(() -> vigil.firstStdoutLine(), l -> l != null);
            Incident incident = IncidentJson.parse(line.getBytes(StandardCharsets.UTF_8));
            assertEquals("error_signature", incident.type());
            assertTrue(incident.evidence().get(0).message().endsWith("ERROR db connect failed url=postgres://app:***@db:5432/orders"),
                    incident.evidence().toString());
            for (String secret : secrets) {
                assertFalse(vigil.out.toString().contains(secret), secret + " leaked: " + vigil.out);
            }
            assertEquals(0, vigil.stop());
        }
    }

    /** The login of {@code who} in the data folder of a {@code vigil run}, as a client would load it. */
    private static Map<String, Object> login(Path dataDir, VigilPrincipal who) {
        return new HashMap<>(BrokerCredentials.clientPropertiesIn(dataDir.resolve("kafka"), who).orElseThrow());
    }

    private static void produce(String bootstrap, String key, String value, Path dataDir) throws Exception {
        Map<String, Object> props = login(dataDir, VigilPrincipal.SHIPPER);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(VigilTopics.EVENTS, key, value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Incident> readIncidents(String bootstrap, int expected, Path dataDir) {
        Map<String, Object> props = login(dataDir, VigilPrincipal.OPERATOR);
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
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

        private RunningVigil(Path dataDir, String... extraArgs) {
            CommandLine cmd = new CommandLine(command);
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            List<String> args = new ArrayList<>(List.of("--json", "--data-dir", dataDir.toString(), "--kafka-port", "0",
                    // this host's own journal and kernel log would add incidents of their own; the
                    // path under test is Kafka in, incident out
                    "--no-journald", "--no-kmsg"));
            args.addAll(List.of(extraArgs));
            exit = CompletableFuture.supplyAsync(() -> cmd.execute(args.toArray(String[]::new)));
            Matcher ready = await("the ready line on stderr").atMost(Duration.ofSeconds(90))
                    .until(() -> READY.matcher(err.toString()), m -> m.find() || exit.isDone());
            assertTrue(!exit.isDone(), "vigil run exited early: " + err);
            bootstrap = ready.group(1);
        }

        static RunningVigil start(Path dataDir, String... extraArgs) {
            return new RunningVigil(dataDir, extraArgs);
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
