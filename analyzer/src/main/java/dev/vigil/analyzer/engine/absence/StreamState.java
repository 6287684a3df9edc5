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
        LastLine line,
        boolean lastPartial,
        long usualGapMillis,
        String openEpisode) {

    /** A stream as stored, its last line's values known. */
    public StreamState(int v, String pattern, String host, String groupKey, long events, Instant runStart, Instant lastTs,
            EvidenceItem last, boolean lastPartial, boolean lastGraceful, long usualGapMillis, Map<String, String> vars,
            String openEpisode) {
        this(v, pattern, host, groupKey, events, runStart, lastTs, LastLine.of(last, lastGraceful, vars), lastPartial,
                usualGapMillis, openEpisode);
    }

    /** The last line, as an incident quotes it. */
    public EvidenceItem last() {
        return line.item();
    }

    /** Whether the last line was one of the pattern's graceful markers (an announced end). */
    public boolean lastGraceful() {
        return line.graceful();
    }

    /** The last line's template variables. */
    public Map<String, String> vars() {
        return line.vars();
    }

    /**
     * Whether {@code e} is a line the stream already had: its last line again, or one older than
     * it (a shipper re-sending from its checkpoint). Lines of the last line's own second still
     * count: logs stamped to the second write many lines in one, and the last of them decides
     * whether the stream ended gracefully or was cut.
     */
    boolean alreadyHas(Event e) {
        // a later line is a new one (a line re-sent has its own time): most lines need no id compared
        int order = e.ts().compareTo(lastTs);
        return order < 0 || order == 0 && e.id() != null && e.id().equals(line.id());
    }

    Duration usualGap() {
        return Duration.ofMillis(usualGapMillis);
    }
}
