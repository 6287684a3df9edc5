package dev.vigil.shippers.filter;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code events} per interval; an
 * event takes one token or is over the limit. Times are {@link System#nanoTime()}-like.
 */
final class TokenBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(RateLimit limit, long now) {
        this.perNano = (double) limit.events() / limit.interval().toNanos();
        this.burst = limit.burst();
        this.tokens = burst;
        this.last = now;
    }

    /** Takes a token at {@code now}; false when none is left. */
    synchronized boolean take(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
