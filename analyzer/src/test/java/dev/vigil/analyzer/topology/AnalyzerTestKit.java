package dev.vigil.analyzer.topology;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentTopic;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the integration tests of the live analyzer share: an analyzer started against the test
 * broker, events sent to it one acked record at a time, and the incidents it wrote, awaited.
 */
public final class AnalyzerTestKit {
    /** How long an analyzer may take to run, and an awaited incident to show. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private AnalyzerTestKit() {}

    /** An analyzer started on {@code config} and running (its partitions assigned). */
    public static Analyzer started(AnalyzerConfig config) throws InterruptedException {
        Analyzer analyzer = new Analyzer(config);
        try {
            analyzer.start();
            assertTrue(analyzer.awaitRunning(PATIENCE), "analyzer running");
            return analyzer;
        } catch (RuntimeException | Error | InterruptedException e) {
            analyzer.close(); // a test that fails here must not leave a stream thread behind
            throw e;
        }
    }

    /** A producer as the shipper's: acks from all replicas, records up to vigil.events' size. */
    public static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, VigilTopics.MAX_EVENT_MESSAGE_BYTES),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code e} to vigil.events keyed by its host, as the shipper does, and waits for the ack. */
    public static void send(KafkaProducer<String, byte[]> producer, Event e) throws Exception {
        producer.send(new ProducerRecord<>(VigilTopics.EVENTS, e.host(), EventJson.toBytes(e))).get(30, TimeUnit.SECONDS);
    }

    /** A line of the app-log file {@code file} of {@code host} at byte {@code offset}, with the id the file shipper gives it. */
    public static Event fileLine(String host, String file, Instant at, long offset, String message) {
        return Event.builder(host, Source.FILE, at, message).file(file).offset(offset)
                .id(EventIds.of(host, Source.FILE, file, String.valueOf(offset))).build();
    }

    /**
     * Seed 000's systemd line for the {@code n}th scheduled restart of rivet-worker.service on
     * {@code host}, with the message id of systemd's "Scheduled restart job" catalog entry.
     */
    public static Event scheduledRestart(String host, Instant at, int n) {
        return Event.builder(host, Source.JOURNALD, at, "rivet-worker.service: Scheduled restart job, restart counter is at " + n + ".")
                .id(EventIds.of(host, Source.JOURNALD, "b1", "restart-" + n)).unit("rivet-worker.service")
                .messageId("5eb03494b6584870a536b337290809b3").priority(5).build();
    }

    /** The incident records on vigil.incidents (committed ones) that {@code which} accepts, in topic order. */
    public static List<Incident> incidents(String bootstrap, Predicate<Incident> which) {
        return IncidentTopic.readAll(bootstrap, Duration.ofSeconds(5)).stream().filter(which).toList();
    }

    /** The last incident record {@code which} accepts, once there is one. */
    public static Incident awaitLast(String bootstrap, String what, Predicate<Incident> which) {
        return await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> incidents(bootstrap, which).stream().reduce((first, second) -> second).orElse(null), i -> i != null);
    }

    /** The last error_signature incident record of {@code host}, once there is one. */
    public static Incident awaitSignatureIncident(String bootstrap, String host) {
        return awaitLast(bootstrap, "error_signature incident of " + host,
                i -> i.type().equals("error_signature") && i.host().equals(host));
    }
}
