package dev.vigil.analyzer.sink;

import dev.vigil.analyzer.incident.Incident;
import java.time.Instant;
import java.util.List;

/**
 * A service incidents are handed to (Alertmanager, a webhook…), fed by a {@link SinkRunner}: the
 * runner commits a batch's offsets only after {@link #accept} returned, retries it with back-off
 * when it throws a retryable {@link SinkException}, and dead-letters it after the last try.
 * A new sink is a package beside this one with an implementation and a command that hands it to
 * a runner.
 */
public interface IncidentSink {
    /** Short name: the consumer group is {@code vigil-sink-<name>}, and metrics and dead letters say it. */
    String name();

    /** Most incidents handed to one {@link #accept} call; a retry resends the whole batch. */
    default int batchSize() {
        return 100;
    }

    /**
     * Delivers a batch of incident changes, oldest first. Returning means the service took all of
     * them; a batch may be delivered again after a crash or a failed try, so delivery must be
     * idempotent on the receiving side (the incident id and its count identify a change).
     */
    void accept(List<Incident> batch) throws SinkException;

    /**
     * Whether the sink keeps the current state of every incident: the runner then replays the
     * compacted topic through {@link #restore} before delivering anything.
     */
    default boolean keepsState() {
        return false;
    }

    /** One incident's latest state read back from the topic at start; nothing is sent. */
    default void restore(Incident incident) {}

    /** Called between polls, at least once a second, for periodic work such as re-sending. */
    default void tick(Instant now) {}
}
