package dev.vigil.analyzer.metrics;

import dev.vigil.analyzer.deadletter.DeadLetterReason;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.topology.AnalyzerCounts;
import dev.vigil.analyzer.topology.StoreNames;
import dev.vigil.shippers.produce.SourceCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Vigil's metrics in one Prometheus registry: the JVM's, the Kafka clients' (consumer lag, punctuation
 * and process rates of the analyzer), and Vigil's own counters, which are read from the counters the
 * shipper and analyzer already keep rather than counted twice. Names are {@code vigil_*}.
 */
public final class VigilMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public VigilMetrics(String command) {
        registry.config().commonTags("command", command);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The shipper's per-source counters: lines read, events sent, drops, dead letters, events in flight. */
    public void shipper(Supplier<Map<String, SourceCounters>> counters, Iterable<String> sources) {
        for (String source : sources) {
            sourceCounter("vigil.shipper.records.read", "Lines and records read from the source", counters, source,
                    SourceCounters::recordsRead);
            sourceCounter("vigil.shipper.bytes.read", "Bytes read from the source", counters, source, SourceCounters::bytesRead);
            sourceCounter("vigil.shipper.events.sent", "Events Kafka acknowledged", counters, source, SourceCounters::recordsSent);
            sourceCounter("vigil.shipper.drops", "Events dropped after Kafka refused them", counters, source, SourceCounters::drops);
            sourceCounter("vigil.shipper.deadletters", "Records sent to the dead-letter topic", counters, source,
                    SourceCounters::deadLettered);
            sourceCounter("vigil.shipper.errors", "Read errors the source recovered from, and drops", counters, source,
                    SourceCounters::errors);
            Gauge.builder("vigil.shipper.events.in.flight", counters, c -> value(c, source, SourceCounters::inFlight))
                    .description("Events handed to Kafka and not yet acknowledged").tag("source", source).register(registry);
        }
    }

    /**
     * The analyzer: its Kafka Streams metrics (lag, process and punctuate rates and latencies), its
     * dead letters by reason and the entries of its key-value state stores.
     */
    public void analyzer(KafkaStreams streams, AnalyzerCounts counts) {
        new KafkaStreamsMetrics(streams).bindTo(registry);
        analyzerDeadLetters(counts);
        List<String> stores = new ArrayList<>(StoreNames.KEY_VALUE);
        stores.add(StoreNames.SIGNATURE_MINER);
        StoreSizes.bind(registry, streams, stores);
    }

    void analyzerDeadLetters(AnalyzerCounts counts) {
        // every reason from the start, at 0: a rate over a series that appears only with its first
        // dead letter misses that first one
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            FunctionCounter.builder("vigil.analyzer.deadletters", counts, c -> c.deadLetteredFor(reason))
                    .description("Events the analyzer could not read, sent to vigil.deadletter, by reason")
                    .tag("reason", reason.code()).register(registry);
        }
    }

    /** A Kafka consumer's metrics, among them {@code kafka_consumer_fetch_manager_records_lag_max}. */
    public void consumer(Consumer<?, ?> consumer) {
        new KafkaClientMetrics(consumer).bindTo(registry);
    }

    /** Counts an incident change by type and status. */
    public void incident(Incident incident) {
        Counter.builder("vigil.incidents").description("Incident changes seen, by type and status")
                .tag("type", incident.type()).tag("status", incident.status().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
    }

    /** The sink counters, for a {@code SinkRunner}. */
    public SinkMeters sinks() {
        return new SinkMeters(this);
    }

    private void sourceCounter(String name, String description, Supplier<Map<String, SourceCounters>> counters, String source,
            ToLongFunction<SourceCounters> field) {
        FunctionCounter.builder(name, counters, c -> value(c, source, field))
                .description(description).tag("source", source).register(registry);
    }

    private static double value(Supplier<Map<String, SourceCounters>> counters, String source, ToLongFunction<SourceCounters> field) {
        SourceCounters c = counters.get().get(source);
        return c == null ? 0 : field.applyAsLong(c);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
