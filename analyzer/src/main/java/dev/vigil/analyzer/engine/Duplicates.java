package dev.vigil.analyzer.engine;

import dev.vigil.patterns.event.Event;
import java.time.Instant;

/**
 * Drops events a shipper sent again: an event whose id was processed within the dedupe window
 * (on the analyzer's clock) is a duplicate. An event's signed copy is remembered under its own
 * key, so a re-sent event that comes back signed twice is counted once.
 */
final class Duplicates {
    private final RecentIds seen;

    Duplicates(RecentIds seen) {
        this.seen = seen;
    }

    /** True when the event was processed already; otherwise remembers it. Events without an id are never duplicates. */
    boolean isDuplicate(Event e, Instant now) {
        return e.id() != null && seenBefore(e.id(), now);
    }

    /** True when the event's signed copy was counted already; otherwise remembers it. */
    boolean isDuplicateSigned(Event e, Instant now) {
        return e.id() != null && seenBefore(signedKey(e.id()), now);
    }

    private boolean seenBefore(String key, Instant now) {
        if (seen.contains(key, now)) {
            return true;
        }
        seen.remember(key, now);
        return false;
    }

    /** Key in the recent ids of an event's signed copy: cannot clash with an event id. */
    private static String signedKey(String eventId) {
        return "signature" + StateKeys.SEP + eventId;
    }
}
