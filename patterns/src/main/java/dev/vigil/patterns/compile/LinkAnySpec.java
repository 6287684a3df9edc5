package dev.vigil.patterns.compile;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code link any within T naming PID, COMM note "…" else "…"}: an incident of this pattern
 * names a process that died (by the values of {@code pid} and {@code comm}); every incident of
 * another pattern opening on the same host within {@code within} of it is related to it both
 * ways, and its summary ends with {@code "; "} and a note: {@code same} when it is about that
 * process (its own {@code pid} or {@code comm} value is the one named), else {@code other}. A note
 * may use the two named values and {@code {apart}} ({@code 3m before}, {@code 10s later}).
 */
public record LinkAnySpec(Duration within, String pid, String comm, Template same, Template other) {
    /** The note variable saying how far apart the two incidents began, and which came first. */
    public static final String APART = "apart";

    public LinkAnySpec {
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(comm, "comm");
        Objects.requireNonNull(same, "same");
        Objects.requireNonNull(other, "other");
    }
}
