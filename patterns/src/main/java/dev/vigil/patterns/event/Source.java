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

    /**
     * Every source, once: {@code values()} copies its array on each call, and this runs for every
     * event read (0.6 % of the live stream thread's samples with the copy, bench/RESULTS.md).
     */
    private static final Source[] ALL = values();

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The JSON and pattern-language spelling, e.g. {@code journald}. */
    public String wireName() {
        return wireName;
    }

    /** Parses the JSON spelling; the error names the accepted values. */
    public static Source fromWireName(String text) {
        for (Source s : ALL) {
            if (s.wireName.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown source '" + text + "', expected one of "
                + Arrays.stream(values()).map(Source::wireName).collect(Collectors.joining(", ")));
    }
}
