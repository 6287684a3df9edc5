package dev.vigil.analyzer.topology;

import java.time.Instant;

/**
 * The instant of an epoch millisecond, the last one asked for kept: the records of one poll mostly
 * share their arrival time, and the stream thread's wall clock moves once per loop, so a processor
 * that needs them as instants makes one per new millisecond instead of one per record. One per
 * processor instance (a stream thread's own).
 */
final class LastInstant {
    private long millis = Long.MIN_VALUE;
    private Instant instant;

    Instant of(long epochMillis) {
        if (epochMillis != millis || instant == null) {
            instant = Instant.ofEpochMilli(epochMillis);
            millis = epochMillis;
        }
        return instant;
    }
}
