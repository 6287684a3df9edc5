package dev.vigil.patterns.testing;

import java.util.Map;
import java.util.Objects;

/**
 * The last state of an incident a test run produced, reduced to what expectations compare.
 *
 * @param cause the probable-cause text, empty when the incident has none
 * @param labels the incident's labels
 */
public record ObservedIncident(String type, String subject, long count, String summary, String cause,
                               Map<String, String> labels) {
    public ObservedIncident {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(summary, "summary");
        cause = cause == null ? "" : cause;
    }

    /** An incident without labels. */
    public ObservedIncident(String type, String subject, long count, String summary, String cause) {
        this(type, subject, count, summary, cause, Map.of());
    }

    /** One line for a failure report. */
    public String describe() {
        return type + " subject \"" + subject + "\" count " + count + " summary \"" + summary + "\""
                + (cause.isEmpty() ? "" : " cause \"" + cause + "\"") + (labels.isEmpty() ? "" : " labels " + labels);
    }
}
