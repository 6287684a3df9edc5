package dev.vigil.analyzer.bench;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.analyzer.topology.LiveThroughputBench;
import dev.vigil.broker.VigilTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;

/**
 * What the latency bench measures: an application on the bench's broker that turns a crossing
 * event into an output record, and how an output record names the detection it answers.
 */
interface LatencyTarget extends AutoCloseable {
    /** The row's name. */
    String name();

    /** The consumer group whose lag says how far behind the target is. */
    String group();

    /** Follows the target's output from its current end. */
    RecordWatch<?> watch();

    /** The detection key a record answers ({@code Detection#key}), or null for a record that answers none. */
    String detectionOf(RecordWatch.Arrival<?> record);

    /** True when every detection needs its crossing event only: the target cannot tell a threshold from one line. */
    boolean crossingOnly();

    /** The analyzer as {@code vigil analyze} runs it (EOS v2, the full library), with extra Streams settings. */
    static LatencyTarget analyzer(String bootstrap, Path state, Map<String, String> streams) throws InterruptedException {
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults(bootstrap, state).withApplicationId("bench-latency-vigil")
                .withClientProperties(streams));
        analyzer.start();
        if (!analyzer.awaitRunning(Duration.ofMinutes(2))) {
            analyzer.close();
            throw new IllegalStateException("the analyzer did not start: " + analyzer.failureReason().orElse("no progress"));
        }
        RecordWatch<Incident> watch = new RecordWatch<>(bootstrap, VigilTopics.INCIDENTS, IncidentJson::parse);
        return new LatencyTarget() {
            @Override
            public String name() {
                return "vigil analyze (" + analyzer.patternCount() + " patterns)";
            }

            @Override
            public String group() {
                return "bench-latency-vigil";
            }

            @Override
            public RecordWatch<?> watch() {
                return watch;
            }

            @Override
            public String detectionOf(RecordWatch.Arrival<?> record) {
                Incident i = (Incident) record.value();
                return i.status() == Incident.Status.FIRING ? i.type() + " " + i.host() + " " + i.subject() : null;
            }

            @Override
            public boolean crossingOnly() {
                return false;
            }

            @Override
            public void close() throws InterruptedException {
                watch.close();
                analyzer.close();
            }
        };
    }

    /**
     * The "pass-through" Kafka Streams topology of the live throughput bench (filter, re-key,
     * repartition, 1-minute windowed count, EOS v2, the analyzer's Streams settings): a record
     * keyed {@code host/…} on its output answers the detection of that host.
     */
    static LatencyTarget passThrough(String bootstrap, Path state) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(LiveThroughputBench.PASS_THROUGH_OUTPUT, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + LiveThroughputBench.PASS_THROUGH_OUTPUT, e);
        }
        AnalyzerConfig config = AnalyzerConfig.defaults(bootstrap, state).withApplicationId("bench-latency-pass-through");
        KafkaStreams streams = new KafkaStreams(LiveThroughputBench.passThrough(), Analyzer.streamsProperties(config));
        streams.start();
        Awaitility.await("the pass-through topology to run").atMost(Duration.ofMinutes(2))
                .until(() -> streams.state() == KafkaStreams.State.RUNNING);
        RecordWatch<byte[]> watch = new RecordWatch<>(bootstrap, LiveThroughputBench.PASS_THROUGH_OUTPUT, v -> v);
        return new LatencyTarget() {
            @Override
            public String name() {
                return "pass-through (Kafka Streams)";
            }

            @Override
            public String group() {
                return config.applicationId();
            }

            @Override
            public RecordWatch<?> watch() {
                return watch;
            }

            @Override
            public String detectionOf(RecordWatch.Arrival<?> record) {
                return record.key().substring(0, record.key().indexOf('/'));
            }

            @Override
            public boolean crossingOnly() {
                return true;
            }

            @Override
            public void close() throws InterruptedException {
                watch.close();
                streams.close(Duration.ofSeconds(10));
            }
        };
    }
}
