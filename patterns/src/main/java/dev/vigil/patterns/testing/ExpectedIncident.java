package dev.vigil.patterns.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An incident a pattern test expects, compared with the last state of the incident the engine
 * produced. Empty parts are not checked.
 *
 * @param type incident type, e.g. {@code restart_burst}
 * @param subject exact subject
 * @param count exact count
 * @param summaryContains text the summary must contain
 * @param causeContains text the probable cause must contain
 * @param labels labels the incident must carry, with exactly these values
 * @param line line of the {@code expect} in its file, for failure messages
 */
public record ExpectedIncident(String type, Optional<String> subject, OptionalLong count,
                               Optional<String> summaryContains, Optional<String> causeContains, Map<String, String> labels,
                               int line) {
    public ExpectedIncident {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(summaryContains, "summaryContains");
        Objects.requireNonNull(causeContains, "causeContains");
    }

    /** An expectation that checks no label. */
    public ExpectedIncident(String type, Optional<String> subject, OptionalLong count, Optional<String> summaryContains,
                            Optional<String> causeContains, int line) {
        this(type, subject, count, summaryContains, causeContains, Map.of(), line);
    }

    /** The expectation as the pattern file spells it, for a pass/fail report. */
    public String describe() {
        StringBuilder out = new StringBuilder("expect ").append(type);
        subject.ifPresent(s -> out.append(" subject \"").append(s).append('"'));
        count.ifPresent(c -> out.append(" count ").append(c));
        summaryContains.ifPresent(s -> out.append(" summary contains \"").append(s).append('"'));
        causeContains.ifPresent(s -> out.append(" cause contains \"").append(s).append('"'));
        labels.forEach((k, v) -> out.append(" label ").append(k).append(" \"").append(v).append('"'));
        return out.toString();
    }
}
