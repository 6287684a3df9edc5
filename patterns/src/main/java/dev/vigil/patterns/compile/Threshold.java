package dev.vigil.patterns.compile;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code threshold count >= min within window}: fires once when the count of matching events
 * of one group key in the sliding window reaches {@code min}. With {@code distinctOf}, the count
 * is of distinct values of that field or capture instead. With {@code once}, an occurrence written
 * as two lines counts once.
 */
public record Threshold(Optional<String> distinctOf, long min, Duration window, Optional<OnceSpec> once) {
    public Threshold {
        Objects.requireNonNull(distinctOf, "distinctOf");
        Objects.requireNonNull(once, "once");
        Objects.requireNonNull(window, "window");
        if (min < 1) {
            throw new IllegalArgumentException("min < 1: " + min);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    public Threshold(Optional<String> distinctOf, long min, Duration window) {
        this(distinctOf, min, window, Optional.empty());
    }
}
