package dev.vigil.analyzer.sink.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.analyzer.deadletter.DeadLetter;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.sink.HttpDelivery;
import dev.vigil.analyzer.sink.RetryPolicy;
import dev.vigil.analyzer.sink.SinkConfig;
import dev.vigil.analyzer.sink.SinkMetrics;
import dev.vigil.analyzer.sink.SinkRunner;
import dev.vigil.analyzer.sink.SinkTestKit;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Incident changes from the OOM seed scenario through the real broker to an HTTP receiver on
 * loopback: each arrives as its JSON with a valid signature, a 503 is retried, and a receiver that
 * keeps failing sends the change to vigil.deadletter with the reason while the next ones still go.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
// one broker and one consumer group (vigil-sink-webhook) for both tests: the second starts where the first committed
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookSinkIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final String SECRET = "correct horse battery staple";
    private static final int MAX_TRIES = 3;

    private HttpServer receiver;
    private ExecutorService handlers;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Status the receiver answers per incident id; 200 when absent. */
    private final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

    record Received(String incidentId, String signature, String contentType, String body) {}

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst(WebhookSink.INCIDENT_HEADER);
            int attempt = tries.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement();
            List<Integer> plan = answers.getOrDefault(id, List.of());
            int status = attempt < plan.size() ? plan.get(attempt) : plan.isEmpty() ? 200 : plan.get(plan.size() - 1);
            if (status == 200) {
                received.add(new Received(id, exchange.getRequestHeaders().getFirst(WebhookSink.SIGNATURE_HEADER),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // a thread per request: a held request must not keep the next one waiting
        handlers = Executors.newCachedThreadPool();
        receiver.setExecutor(handlers);
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        handlers.shutdownNow();
    }

    @Test
    @Order(1)
    void shouldPostSignedChangesRetryA503AndDeadLetterAChangeTheReceiverKeepsRefusing() throws Exception {
        List<Incident> incidents = SinkTestKit.replay("001-");
        assertTrue(incidents.size() >= 3, "the OOM scenario gives at least three incident changes: " + incidents.size());
        Incident flaky = incidents.get(0);
        Incident broken = SinkTestKit.with(incidents.get(1), incidents.get(1).id() + "-broken", incidents.get(1).subject(),
                incidents.get(1).status());
        Incident fine = incidents.get(2);
        answers.put(flaky.id(), List.of(503, 200));
        answers.put(broken.id(), List.of(503));
        SinkTestKit.createTopics(KAFKA.bootstrapServers());
        WebhookSink sink = new WebhookSink(new HttpDelivery(), URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                Optional.of(new WebhookSigner(SECRET)));

        try (SinkRunner runner = new SinkRunner(sink, new SinkConfig(KAFKA.bootstrapServers(), Map.of(),
                new RetryPolicy(MAX_TRIES, Duration.ofMillis(50), Duration.ofMillis(200))), SinkMetrics.NONE, Clock.systemUTC())) {
            runner.start();
            assertTrue(runner.awaitReady(Duration.ofSeconds(60)), "the sink runner starts");
            SinkTestKit.produce(KAFKA.bootstrapServers(), List.of(flaky, broken, fine));

            await("the flaky and the fine change received").atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 2);
            assertEquals(List.of(flaky.id(), fine.id()), received.stream().map(Received::incidentId).toList());
            for (Received r : received) {
                Incident sent = r.incidentId().equals(flaky.id()) ? flaky : fine;
                assertEquals(IncidentJson.toJson(sent), r.body());
                assertEquals("application/json", r.contentType());
                assertEquals(hmacSha256Hex(r.body()), r.signature());
            }
            assertEquals(2, tries.get(flaky.id()).get(), "the flaky change was retried once");
            assertEquals(MAX_TRIES, tries.get(broken.id()).get(), "the broken change was tried --max-tries times");

            DeadLetter letter = SinkTestKit.deadLetters(KAFKA.bootstrapServers(), 1).get(0);
            assertEquals(VigilTopics.INCIDENTS, letter.topic());
            assertEquals(broken.id(), letter.key());
            assertEquals(IncidentJson.toJson(broken), letter.value());
            assertTrue(letter.reason().startsWith("sink webhook gave up after 3 tries: POST http://127.0.0.1:"), letter.reason());
            assertTrue(letter.reason().contains("answered HTTP 503"), letter.reason());
            await("offsets committed past all three").atMost(Duration.ofSeconds(30))
                    .until(() -> SinkTestKit.committedOffset(KAFKA.bootstrapServers(), sink) == 3);
        }
    }

    @Test
    @Order(2)
    void shouldDeadLetterAChangeTheReceiverNeverAnswersInTime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        receiver.createContext("/slow", exchange -> {
            calls.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS); // holds the request past the sink's timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        Incident oom = SinkTestKit.replay("001-").stream().filter(i -> i.type().equals("oom_kill")).findFirst().orElseThrow();
        Incident slow = SinkTestKit.with(oom, oom.id() + "-slow", oom.subject(), oom.status());
        SinkTestKit.createTopics(KAFKA.bootstrapServers());
        WebhookSink sink = new WebhookSink(new HttpDelivery(Duration.ofMillis(300)),
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/slow"), Optional.empty());

        try (SinkRunner runner = new SinkRunner(sink, new SinkConfig(KAFKA.bootstrapServers(), Map.of(),
                new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100))), SinkMetrics.NONE, Clock.systemUTC())) {
            runner.start();
            assertTrue(runner.awaitReady(Duration.ofSeconds(60)), "the sink runner starts");
            SinkTestKit.produce(KAFKA.bootstrapServers(), List.of(slow));

            // the first test's dead letter comes first on the topic
            DeadLetter letter = SinkTestKit.deadLetters(KAFKA.bootstrapServers(), 2).stream()
                    .filter(l -> slow.id().equals(l.key())).findFirst().orElseThrow();
            assertTrue(letter.reason().startsWith("sink webhook gave up after 2 tries: POST http://127.0.0.1:"), letter.reason());
            assertTrue(letter.reason().contains("HttpTimeoutException"), letter.reason());
            assertEquals(2, calls.get(), "tried twice");
        } finally {
            release.countDown();
        }
    }

    /** The signature as a receiver computes it, independently of WebhookSigner. */
    private static String hmacSha256Hex(String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
