package dev.vigil.analyzer.topology;

import dev.vigil.broker.VigilTopics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one analyzer instance.
 *
 * @param bootstrapServers Kafka to read from and write to, {@code host:port,…}
 * @param applicationId Kafka Streams application id; instances sharing it split the partitions
 *     (default {@code vigil-analyzer})
 * @param stateDir local folder for state stores (RocksDB); rebuilt from changelogs when lost
 * @param eventsTopic input topic (default {@code vigil.events})
 * @param incidentsTopic output topic (default {@code vigil.incidents})
 * @param deadletterTopic where refused input goes (default {@code vigil.deadletter})
 * @param exactlyOnce {@code processing.guarantee=exactly_once_v2} when true (default), else at-least-once
 * @param clientProperties extra Kafka client settings (TLS, SASL…) passed through unchanged
 * @param patternPaths user pattern files or folders, on top of the standard library (a file
 *     named like a library file replaces it)
 */
public record AnalyzerConfig(
        String bootstrapServers,
        String applicationId,
        Path stateDir,
        String eventsTopic,
        String incidentsTopic,
        String deadletterTopic,
        boolean exactlyOnce,
        Map<String, String> clientProperties,
        List<Path> patternPaths) {

    public AnalyzerConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(eventsTopic, "eventsTopic");
        Objects.requireNonNull(incidentsTopic, "incidentsTopic");
        Objects.requireNonNull(deadletterTopic, "deadletterTopic");
        clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
        patternPaths = patternPaths == null ? List.of() : List.copyOf(patternPaths);
    }

    /** The defaults for a cluster at {@code bootstrapServers} with state under {@code stateDir}. */
    public static AnalyzerConfig defaults(String bootstrapServers, Path stateDir) {
        return new AnalyzerConfig(bootstrapServers, "vigil-analyzer", stateDir, VigilTopics.EVENTS,
                VigilTopics.INCIDENTS, VigilTopics.DEADLETTER, true, Map.of(), List.of());
    }

    /** A copy reading from and writing to other topics (tests use unique names). */
    public AnalyzerConfig withTopics(String events, String incidents, String deadletter) {
        return new AnalyzerConfig(bootstrapServers, applicationId, stateDir, events, incidents, deadletter,
                exactlyOnce, clientProperties, patternPaths);
    }

    /** A copy with another application id. */
    public AnalyzerConfig withApplicationId(String id) {
        return new AnalyzerConfig(bootstrapServers, id, stateDir, eventsTopic, incidentsTopic, deadletterTopic,
                exactlyOnce, clientProperties, patternPaths);
    }

    /** A copy with extra Kafka client settings. */
    public AnalyzerConfig withClientProperties(Map<String, String> props) {
        return new AnalyzerConfig(bootstrapServers, applicationId, stateDir, eventsTopic, incidentsTopic, deadletterTopic,
                exactlyOnce, props, patternPaths);
    }

    /** A copy with user pattern files. */
    public AnalyzerConfig withPatternPaths(List<Path> paths) {
        return new AnalyzerConfig(bootstrapServers, applicationId, stateDir, eventsTopic, incidentsTopic, deadletterTopic,
                exactlyOnce, clientProperties, paths);
    }

    /** A copy with exactly-once on or off. */
    public AnalyzerConfig withExactlyOnce(boolean on) {
        return new AnalyzerConfig(bootstrapServers, applicationId, stateDir, eventsTopic, incidentsTopic, deadletterTopic,
                on, clientProperties, patternPaths);
    }
}
