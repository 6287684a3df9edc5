package dev.vigil.patterns.compile;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code cause last K lines from same FIELD where … within T}: the probable cause of an
 * incident is the last {@code lines} events before the trigger that match {@code filter} and
 * share the trigger's value of {@code sameField} ({@code unit}, {@code pid} or {@code file}),
 * no older than {@code lookback} when given.
 */
public record CauseSpec(int lines, String sameField, Step filter, Optional<Duration> lookback) {
    public CauseSpec {
        Objects.requireNonNull(sameField, "sameField");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(lookback, "lookback");
        if (lines < 1) {
            throw new IllegalArgumentException("lines < 1: " + lines);
        }
    }
}
