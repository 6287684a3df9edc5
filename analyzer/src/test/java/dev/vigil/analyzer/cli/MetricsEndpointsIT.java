package dev.vigil.analyzer.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.sink.SinkTestKit;
import dev.vigil.analyzer.topology.StoreNames;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --metrics-port} of {@code vigil analyze} and {@code vigil webhook}, through the real broker: health, readiness, Vigil's counters. */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
// the sink first: the incident the analyzer writes stays in vigil.incidents, where a sink started later would deliver it too
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsEndpointsIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    @Order(2)
    void analyzeShouldServeHealthReadinessAndCountDeadLettersByReasonIncidentsAndStoreSizes() throws Exception {
        SinkTestKit.createTopics(KAFKA.bootstrapServers());
        int port = freePort();
        AnalyzeCommand analyze = new AnalyzeCommand();
        CompletableFuture<Integer> exit = run(analyze, "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--state-dir", dir.resolve("streams").toString(), "--metrics-port", String.valueOf(port));
        try {
            await("/readyz answers 200").atMost(Duration.ofSeconds(90)).until(() -> status(port, "/readyz") == 200);
            assertEquals(200, status(port, "/healthz"));
            try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KAFKA.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                p.send(new ProducerRecord<>(VigilTopics.EVENTS, "h", "not an event".getBytes(StandardCharsets.UTF_8)))
                        .get(30, TimeUnit.SECONDS);
            }
            await("the dead letter counted by its reason").atMost(Duration.ofSeconds(60))
                    .until(() -> value(scrape(port), "vigil_analyzer_deadletters_total", "reason=\"not_json\""), v -> v == 1.0);
            String metrics = scrape(port);
            assertEquals(0.0, value(metrics, "vigil_analyzer_deadletters_total", "reason=\"ts_out_of_range\""),
                    "every reason is exported from the start");
            for (String store : analyzerStores()) {
                assertTrue(value(metrics, "vigil_analyzer_store_entries", "store=\"" + store + "\"") >= 0,
                        store + " is queryable once the analyzer runs:\n" + metrics);
            }

            Event kill = Event.builder("kontali-dev", Source.KERNEL, Instant.now(), realOomKill()).build();
            try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KAFKA.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                p.send(new ProducerRecord<>(VigilTopics.EVENTS, kill.host(), EventJson.toBytes(kill))).get(30, TimeUnit.SECONDS);
            }
            await("the OOM kill incident counted by analyze").atMost(Duration.ofSeconds(60))
                    .until(() -> value(scrape(port), "vigil_incidents_total", "command=\"analyze\",status=\"firing\",type=\"oom_kill\""),
                            v -> v >= 1.0);
            await("the analyzer's state counted in its store sizes").atMost(Duration.ofSeconds(60))
                    .until(() -> storeEntries(scrape(port)), v -> v >= 1.0);
            metrics = scrape(port);
            assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
            assertTrue(metrics.contains("kafka_stream_thread_punctuate_latency_avg"), "punctuation delay of the analyzer's threads");
            assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag");
        } finally {
            analyze.requestStop();
            assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    @Order(1)
    void aSinkShouldCountWhatItDeliveredByIncidentTypeAndStatus() throws Exception {
        SinkTestKit.createTopics(KAFKA.bootstrapServers());
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        int port = freePort();
        WebhookCommand webhook = new WebhookCommand(name -> null);
        CompletableFuture<Integer> exit = run(webhook, "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/", "--metrics-port", String.valueOf(port));
        try {
            await("/readyz answers 200").atMost(Duration.ofSeconds(60)).until(() -> status(port, "/readyz") == 200);
            Incident oom = SinkTestKit.replay("001-").stream().filter(i -> i.type().equals("oom_kill")).findFirst().orElseThrow();
            SinkTestKit.produce(KAFKA.bootstrapServers(), List.of(oom));

            await("the delivery counted").atMost(Duration.ofSeconds(60))
                    .until(() -> value(scrape(port), "vigil_sink_delivered_total", "sink=\"webhook\""), v -> v >= 1.0);
            assertEquals(1, bodies.size());
            String metrics = scrape(port);
            assertEquals(1.0, value(metrics, "vigil_incidents_total", "status=\"" + oom.status().name().toLowerCase() + "\",type=\"oom_kill\""));
        } finally {
            webhook.requestStop();
            assertEquals(0, exit.get(30, TimeUnit.SECONDS));
            receiver.stop(0);
        }
    }

    private static CompletableFuture<Integer> run(Object command, String... args) {
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        return CompletableFuture.supplyAsync(() -> cmd.execute(args));
    }

    private int status(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String scrape(int port) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    /** The value of the sample {@code name{…}} whose labels contain {@code labels}, or -1. */
    private static double value(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }

    /** The kernel's OOM-kill line of seed scenario 001, as /dev/kmsg gave it. */
    private static String realOomKill() throws IOException {
        Path kmsg = Path.of("..", "scenarios", "001-oom-kill-truncated-log", "kmsg.txt");
        return Files.readAllLines(kmsg).stream().filter(l -> l.contains("Killed process")).findFirst().orElseThrow()
                .replaceFirst("^[^;]*;", "");
    }

    private static List<String> analyzerStores() {
        List<String> stores = new java.util.ArrayList<>(StoreNames.KEY_VALUE);
        stores.add(StoreNames.SIGNATURE_MINER);
        return stores;
    }

    /** Entries over all the analyzer's key-value stores. */
    private static double storeEntries(String metrics) {
        double sum = 0;
        for (String store : analyzerStores()) {
            sum += Math.max(0, value(metrics, "vigil_analyzer_store_entries", "store=\"" + store + "\""));
        }
        return sum;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
