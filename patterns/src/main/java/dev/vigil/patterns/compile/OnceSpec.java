package dev.vigil.patterns.compile;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code once FIRST then THEN within W}: some programs write one occurrence as two lines (systemd
 * 236 to 253 log a restart as its hold-off line and then its counter line). An event matching
 * {@code then} that comes within {@code within} after a counted event of its group matching
 * {@code first} is that occurrence's second line: its values refresh the incident, the count
 * stays. Pairing by what the lines say, not by time alone, keeps restarts that follow each other
 * within a second (second-resolution syslog stamps) apart.
 */
public record OnceSpec(Step first, Step then, Duration within) {
    public OnceSpec {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(then, "then");
        Objects.requireNonNull(within, "within");
        if (within.isNegative()) {
            throw new IllegalArgumentException("within must not be negative: " + within);
        }
    }
}
