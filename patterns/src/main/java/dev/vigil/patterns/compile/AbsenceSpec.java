package dev.vigil.patterns.compile;

import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a stream (the events of the pattern's step, one stream per group key) counts as
 * silent: after {@code fixed}, or after {@code usualGapFactor} times its usual gap between
 * events but never sooner than {@code floor}. A last event matching {@code graceful} means the
 * stream ended on purpose. With {@code whileHostAlive}, silence only counts while the host
 * still shows life (heartbeats or any other stream).
 */
public record AbsenceSpec(Optional<Duration> fixed, int usualGapFactor, Duration floor,
                          Optional<Step> graceful, boolean whileHostAlive) {
    public AbsenceSpec {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(graceful, "graceful");
        if (fixed.isEmpty() && usualGapFactor < 1) {
            throw new IllegalArgumentException("a relative silence needs a factor >= 1: " + usualGapFactor);
        }
    }

    /** How long a stream whose usual gap between events is {@code usualGap} may stay silent. */
    public Duration silenceAfter(Duration usualGap) {
        if (fixed.isPresent()) {
            return fixed.get();
        }
        // seconds and nanoseconds multiplied apart: the same exact product as multipliedBy, which
        // goes through BigDecimal, and this runs for every line of every watched stream
        Duration relative = Duration.ofSeconds(Math.multiplyExact(usualGap.getSeconds(), (long) usualGapFactor),
                (long) usualGap.getNano() * usualGapFactor);
        return relative.compareTo(floor) < 0 ? floor : relative;
    }

    /** True when {@code last}, the stream's last event, is a graceful-shutdown marker. */
    public boolean isGraceful(Event last) {
        return graceful.map(g -> g.matches(last)).orElse(false);
    }
}
