package dev.vigil.patterns.compile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How urgent a pattern's incidents are; the incident JSON uses the lower-case name. */
public enum IncidentSeverity {
    INFO,
    WARNING,
    ERROR,
    CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(IncidentSeverity::wireName).toList();
    }
}
