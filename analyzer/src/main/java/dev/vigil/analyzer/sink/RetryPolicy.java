package dev.vigil.analyzer.sink;

import java.time.Duration;

/**
 * How often a batch is tried and how long to wait between tries: the wait starts at
 * {@code firstBackoff} and doubles up to {@code maxBackoff}.
 *
 * @param maxTries tries before the batch goes to the dead letters (at least 1)
 */
public record RetryPolicy(int maxTries, Duration firstBackoff, Duration maxBackoff) {
    /** Five tries over about 15 s: long enough for a service restart, short of the consumer's poll timeout. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(8));

    public RetryPolicy {
        if (maxTries < 1) {
            throw new IllegalArgumentException("max tries must be at least 1, got " + maxTries);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("back-off must be 0 <= first <= max, got first=" + firstBackoff + " max=" + maxBackoff);
        }
    }

    /** The wait after failed try number {@code tries} (1-based). */
    public Duration backoffAfter(int tries) {
        Duration d = firstBackoff;
        for (int i = 1; i < tries && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
