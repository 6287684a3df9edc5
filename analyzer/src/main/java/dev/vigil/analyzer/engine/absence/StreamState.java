package dev.vigil.analyzer.engine.absence;

import dev.vigil.analyzer.engine.EvidenceItem;
import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One stream an absence pattern watches (one per group key): when it last spoke, what it said
 * last, its usual gap between events, and whether it has already been called silent.
 * {@code runStart} is when it started talking after its last long silence: a stream counts as
 * active (and its silence as abnormal) only once it has talked for as long as the silence that
 * would be called abnormal, so a job that writes a few minutes a night is not "truncated" daily.
 */
public record StreamState(
        int v,
        String pattern,
        String host,
        String groupKey,
        long events,
        Instant runStart,
        Instant lastTs,
        EvidenceItem last,
        boolean lastPartial,
        boolean lastGraceful,
        long usualGapMillis,
        Map<String, String> vars,
        String openEpisode) {

    public StreamState {
        // a line's variables are worked out when first read (most never are); they are immutable already
        vars = vars instanceof LineVars ? vars : Map.copyOf(vars);
    }

    /**
     * Whether {@code e} is a line the stream already had: its last line again, or one older than
     * it (a shipper re-sending from its checkpoint). Lines of the last line's own second still
     * count: logs stamped to the second write many lines in one, and the last of them decides
     * whether the stream ended gracefully or was cut.
     */
    boolean alreadyHas(Event e) {
        return e.ts().isBefore(lastTs) || e.id() != null && e.id().equals(last.id());
    }

    Duration usualGap() {
        return Duration.ofMillis(usualGapMillis);
    }
}
