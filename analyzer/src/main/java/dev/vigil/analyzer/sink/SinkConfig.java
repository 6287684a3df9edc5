package dev.vigil.analyzer.sink;

import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link SinkRunner} reads incidents and writes dead letters.
 *
 * @param bootstrapServers the Kafka cluster
 * @param clientProperties extra client settings (security…) for the consumer and the producer
 * @param retry tries and back-off of a failed batch
 */
public record SinkConfig(String bootstrapServers, Map<String, String> clientProperties, RetryPolicy retry) {
    public SinkConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
        Objects.requireNonNull(retry, "retry");
    }

    /** The consumer group of a sink: one per sink, so each sink has its own position in the topic. */
    public static String groupId(IncidentSink sink) {
        return "vigil-sink-" + sink.name();
    }
}
