package dev.vigil.analyzer.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * What the analyzer knows of a host's time: the latest event time it sent (any stream,
 * heartbeats included), and when that arrived by the analyzer's clock with how far behind it was.
 */
public record HostClock(int v, Instant latest, Instant arrivedAt, long lagMillis) {
    static HostClock first(Instant ts, Instant now) {
        return new HostClock(1, ts, now, Math.max(0, Duration.between(ts, now).toMillis()));
    }

    HostClock advance(Instant ts, Instant now) {
        Instant l = ts.isAfter(latest) ? ts : latest;
        return new HostClock(v, l, now, Math.max(0, Duration.between(ts, now).toMillis()));
    }
}
