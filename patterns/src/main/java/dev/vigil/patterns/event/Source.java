package dev.vigil.patterns.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an event comes from; its JSON form is the lower-case name. */
public enum Source {
    JOURNALD,
    KERNEL,
    FILE,
    SHIPPER;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The JSON and pattern-language spelling, e.g. {@code journald}. */
    public String wireName() {
        return wireName;
    }

    /** Parses the JSON spelling; the error names the accepted values. */
    public static Source fromWireName(String text) {
        // each name has a length of its own: one comparison, not one per source before it (a new
        // source needs its case here; SourceTest reads every source by its name)
        Source candidate = switch (text.length()) {
            case 8 -> JOURNALD;
            case 6 -> KERNEL;
            case 4 -> FILE;
            case 7 -> SHIPPER;
            default -> null;
        };
        if (candidate != null && candidate.wireName.equals(text)) {
            return candidate;
        }
        throw new IllegalArgumentException("unknown source '" + text + "', expected one of "
                + Arrays.stream(values()).map(Source::wireName).collect(Collectors.joining(", ")));
    }
}
