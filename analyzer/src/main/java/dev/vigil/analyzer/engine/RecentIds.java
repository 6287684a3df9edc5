package dev.vigil.analyzer.engine;

import java.time.Instant;

/**
 * The ids of the events counted within the dedupe window, so an event a shipper sent again
 * (same id) is recognised and not counted twice ({@link FirstCount} asks). Times are the
 * analyzer's clock: a re-send reaches the analyzer soon after the first copy, however old the
 * event itself is.
 */
public interface RecentIds {
    /** Whether {@code id} was remembered less than the window before {@code now}. */
    boolean contains(String id, Instant now);

    /** Remembers {@code id} as processed at {@code now}; it is forgotten once the window has passed. */
    void remember(String id, Instant now);
}
