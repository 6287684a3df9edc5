package dev.vigil.analyzer.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One stream an absence pattern watches (one per group key): when it last spoke, what it said
 * last, its usual gap between events, and whether it has already been called silent.
 */
public record StreamState(
        int v,
        String pattern,
        String host,
        String groupKey,
        long events,
        Instant lastTs,
        EvidenceItem last,
        boolean lastPartial,
        boolean lastGraceful,
        long usualGapMillis,
        Map<String, String> vars,
        String openEpisode) {

    public StreamState {
        vars = Map.copyOf(vars);
    }

    Duration usualGap() {
        return Duration.ofMillis(usualGapMillis);
    }
}
