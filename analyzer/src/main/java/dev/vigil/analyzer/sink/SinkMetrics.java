package dev.vigil.analyzer.sink;

import dev.vigil.analyzer.incident.Incident;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;

/** What a {@link SinkRunner} reports as it goes; the metrics registry implements it. */
public interface SinkMetrics {
    /** Reports nothing. */
    SinkMetrics NONE = new SinkMetrics() {};

    /** The runner's consumer, for its lag and fetch metrics. */
    default void consumer(Consumer<?, ?> consumer) {}

    /** The service took {@code incidents}. */
    default void delivered(String sink, List<Incident> incidents) {}

    /** One try of a batch failed; it is tried again or dead-lettered. */
    default void failedTry(String sink) {}

    /** {@code count} records went to the dead letters; {@code reason} is a short fixed word. */
    default void deadLettered(String sink, String reason, int count) {}
}
