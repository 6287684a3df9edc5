package dev.vigil.patterns.compile;

import java.util.Objects;

/**
 * {@code join later.pid == earlier.victim_pid}: the value named {@code leftName} (capture, else
 * event field) of the event matching step {@code leftStep} equals {@code rightName} of the event
 * matching {@code rightStep}.
 */
public record Join(String leftStep, String leftName, String rightStep, String rightName) {
    public Join {
        Objects.requireNonNull(leftStep, "leftStep");
        Objects.requireNonNull(leftName, "leftName");
        Objects.requireNonNull(rightStep, "rightStep");
        Objects.requireNonNull(rightName, "rightName");
    }
}
