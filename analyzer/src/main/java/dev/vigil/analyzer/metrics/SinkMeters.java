package dev.vigil.analyzer.metrics;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.sink.SinkMetrics;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;

/** {@link SinkMetrics} as Prometheus counters: changes delivered, failed tries, dead letters by reason. */
public final class SinkMeters implements SinkMetrics {
    private final VigilMetrics metrics;

    SinkMeters(VigilMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void consumer(Consumer<?, ?> consumer) {
        metrics.consumer(consumer);
    }

    @Override
    public void delivered(String sink, List<Incident> incidents) {
        counter("vigil.sink.delivered", "Incident changes the service took", sink).increment(incidents.size());
        incidents.forEach(metrics::incident);
    }

    @Override
    public void failedTry(String sink) {
        counter("vigil.sink.failed.tries", "Tries of a batch that failed", sink).increment();
    }

    @Override
    public void deadLettered(String sink, String reason, int count) {
        Counter.builder("vigil.sink.deadletters").description("Incident changes sent to vigil.deadletter, by reason")
                .tag("sink", sink).tag("reason", reason).register(metrics.registry()).increment(count);
    }

    private Counter counter(String name, String description, String sink) {
        return Counter.builder(name).description(description).tag("sink", sink).register(metrics.registry());
    }
}
