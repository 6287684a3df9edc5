package dev.vigil.patterns.testing;

import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A {@code test} block beside a pattern: input events at relative times and the incidents
 * they must give. {@code expectNone} means the inputs must give no incident of the pattern at
 * all (quiet cases), and then {@code expected} is empty.
 */
public record TestCase(String name, String path, int line, List<TestInput> inputs,
                       List<ExpectedIncident> expected, boolean expectNone) {
    /** Where tests start when the runner has no reason to pick another instant. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-12T07:00:00Z");

    public TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        inputs = List.copyOf(inputs);
        expected = List.copyOf(expected);
        if (expectNone && !expected.isEmpty()) {
            throw new IllegalArgumentException("test '" + name + "' expects none and some incidents");
        }
    }

    /** The input events in time order (stable for equal times), starting at {@code start}. */
    public List<Event> events(Instant start) {
        return inputs.stream()
                .sorted(Comparator.comparing(TestInput::offset))
                .map(i -> i.at(start))
                .toList();
    }
}
