package dev.vigil.patterns.compile;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * {@code link TYPE, … within T}: an incident of this pattern and one of these types on the same
 * host and about the same subject, the one opening no more than {@code within} after the other was
 * last seen, are one story: each lists the other in {@code related}.
 */
public record LinkSpec(Set<String> types, Duration within) {
    public LinkSpec {
        types = Set.copyOf(types);
        Objects.requireNonNull(within, "within");
    }

    /** True when this link names {@code type}. */
    public boolean covers(String type) {
        return types.contains(type);
    }
}
