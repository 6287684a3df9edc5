package dev.vigil.patterns.testing;

import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One input event of a pattern test, at {@code offset} after the start of the test. The
 * prototype's own {@code ts} is meaningless; {@link #at(Instant)} gives the real event.
 */
public record TestInput(Duration offset, Event prototype, int line) {
    public TestInput {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(prototype, "prototype");
        if (offset.isNegative()) {
            throw new IllegalArgumentException("offset < 0: " + offset);
        }
    }

    /** The event as it happens when the test starts at {@code start}. */
    public Event at(Instant start) {
        return prototype.toBuilder().ts(start.plus(offset)).build();
    }
}
