package dev.vigil.analyzer.signature;

import java.util.Comparator;
import java.util.Objects;

/**
 * A template and the number of lines it has matched so far.
 *
 * @param signature the template and its id
 * @param count lines matched, including those of the templates it absorbed
 */
public record TemplateCount(Signature signature, long count) {

    /** Highest count first, then by template text so the order is stable. */
    public static final Comparator<TemplateCount> MOST_FREQUENT_FIRST =
            Comparator.comparingLong(TemplateCount::count).reversed()
                    .thenComparing(tc -> tc.signature().template());

    public TemplateCount {
        Objects.requireNonNull(signature, "signature");
        if (count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
    }
}
