package dev.vigil.patterns.lang;

import java.time.Duration;

/**
 * A duration as written ({@code 10m}). {@code value} is null when the text was invalid; the
 * builder has already reported that, so later checks skip it rather than pile on.
 */
public record DurationLit(Duration value, String text, Pos pos) {
    public boolean isValid() {
        return value != null;
    }
}
