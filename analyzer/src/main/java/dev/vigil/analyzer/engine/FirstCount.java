package dev.vigil.analyzer.engine;

import java.time.Instant;

/**
 * The dedupe decision for the event being processed: is this the first time it is counted? A
 * re-sent event (a shipper restarted after a crash sends again from its checkpoint) must be
 * counted once, but most events count nowhere, and every id remembered takes memory for the
 * dedupe window and a share of each commit's write-out. So the question is asked only by a counting step (a match, threshold,
 * signature or sequence step the event matched), at most once per event, and the answer is kept
 * for the event's other steps. Steps that do not count are idempotent by themselves: evidence
 * rings by event id, absence streams by time.
 */
public final class FirstCount {
    private final RecentIds seen;
    private String key;
    private Instant now;
    private Boolean first;

    FirstCount(RecentIds seen) {
        this.seen = seen;
    }

    /** The next event, by the key it is remembered under (null when it has no id: never a duplicate). */
    void next(String key, Instant now) {
        this.key = key;
        this.now = now;
        this.first = key == null ? Boolean.TRUE : null;
    }

    /** Key in the recent ids of an event's signed copy: cannot clash with an event id. */
    static String signedKey(String eventId) {
        return eventId == null ? null : "signature" + StateKeys.SEP + eventId;
    }

    /** True when the current event is counted for the first time; the first call remembers it. */
    public boolean first() {
        if (first == null) {
            first = !seen.contains(key, now);
            if (first) {
                seen.remember(key, now);
            }
        }
        return first;
    }
}
