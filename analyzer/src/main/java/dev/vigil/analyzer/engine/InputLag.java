package dev.vigil.analyzer.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * How far behind its input this analyzer task is: after a restart (or a stall) it works through
 * a backlog, and until it has caught up, the analyzer's clock is ahead of everything it knows, so
 * streams look silent that are merely waiting in the backlog. Measured from the records
 * themselves: the time each reached Kafka against the time it is processed. Kept in memory: a
 * restarted task knows nothing until records arrive, and says it is behind until then.
 */
public final class InputLag {
    private Instant startedAt;
    private Instant newestReceived;
    private Instant lastArrival;

    /** A record that reached Kafka at {@code receivedAt} is processed at {@code now}. */
    void arrived(Instant receivedAt, Instant now) {
        started(now);
        newestReceived = newestReceived == null || receivedAt.isAfter(newestReceived) ? receivedAt : newestReceived;
        lastArrival = now;
    }

    /**
     * Whether the task is working through a backlog older than {@code tolerance}: records keep
     * coming and the newest reached Kafka more than that long ago. A task that has had no record
     * for {@code tolerance} is not behind: its input is quiet (and so, perhaps, its hosts).
     */
    public boolean isBehind(Instant now, Duration tolerance) {
        started(now);
        if (lastArrival == null) {
            return Duration.between(startedAt, now).compareTo(tolerance) < 0;
        }
        boolean stillArriving = Duration.between(lastArrival, now).compareTo(tolerance) < 0;
        return stillArriving && Duration.between(newestReceived, lastArrival).compareTo(tolerance) >= 0;
    }

    private void started(Instant now) {
        if (startedAt == null) {
            startedAt = now;
        }
    }
}
