package dev.vigil.patterns.compile;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code threshold count >= min within window}: fires once when the count of matching events
 * of one group key in the sliding window reaches {@code min}. With {@code distinctOf}, the count
 * is of distinct values of that field or capture instead. With {@code once}, an occurrence written
 * as two lines counts once. With {@code reach} ({@code or counter >= 10}), one event whose capture
 * of that name is a number of at least {@code reachMin} fires as well: a count the line itself
 * states (systemd's restart counter) says what a short capture cannot show.
 */
public record Threshold(Optional<String> distinctOf, long min, Duration window, Optional<OnceSpec> once,
        Optional<String> reach, long reachMin) {
    public Threshold {
        Objects.requireNonNull(distinctOf, "distinctOf");
        Objects.requireNonNull(reach, "reach");
        Objects.requireNonNull(once, "once");
        Objects.requireNonNull(window, "window");
        if (min < 1) {
            throw new IllegalArgumentException("min < 1: " + min);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    public Threshold(Optional<String> distinctOf, long min, Duration window, Optional<OnceSpec> once) {
        this(distinctOf, min, window, once, Optional.empty(), 0);
    }

    public Threshold(Optional<String> distinctOf, long min, Duration window) {
        this(distinctOf, min, window, Optional.empty());
    }

    /** True when the event's value of {@code reach} (from {@code values}) is a number of at least {@code reachMin}. */
    public boolean reachedBy(java.util.Map<String, String> values) {
        if (reach.isEmpty()) {
            return false;
        }
        String v = values.get(reach.get());
        if (v == null || v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Long.parseLong(v) >= reachMin;
    }
}
