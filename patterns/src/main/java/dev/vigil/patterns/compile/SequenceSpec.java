package dev.vigil.patterns.compile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a sequence's steps ({@link CompiledPattern#steps()}, in order) must relate: all within
 * {@code within} of the first, with equal group-key values ({@link CompiledPattern#groupBy()})
 * and every join holding.
 */
public record SequenceSpec(Duration within, List<Join> joins) {
    public SequenceSpec {
        Objects.requireNonNull(within, "within");
        joins = List.copyOf(joins);
    }
}
