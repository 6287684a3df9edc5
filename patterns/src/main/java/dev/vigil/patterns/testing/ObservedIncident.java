package dev.vigil.patterns.testing;

import java.util.Objects;

/**
 * The last state of an incident a test run produced, reduced to what expectations compare.
 *
 * @param cause the probable-cause text, empty when the incident has none
 */
public record ObservedIncident(String type, String subject, long count, String summary, String cause) {
    public ObservedIncident {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(summary, "summary");
        cause = cause == null ? "" : cause;
    }

    /** One line for a failure report. */
    public String describe() {
        return type + " subject \"" + subject + "\" count " + count + " summary \"" + summary + "\""
                + (cause.isEmpty() ? "" : " cause \"" + cause + "\"");
    }
}
