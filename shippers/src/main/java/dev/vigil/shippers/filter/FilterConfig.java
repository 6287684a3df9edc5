package dev.vigil.shippers.filter;

import java.util.List;

/**
 * What the shipper drops before sending.
 *
 * @param drops events matching any rule are dropped; default none
 * @param rateLimit per source and unit; null (the default) for no limit
 */
public record FilterConfig(List<DropRule> drops, RateLimit rateLimit) {
    public FilterConfig {
        drops = List.copyOf(drops);
    }

    /** Nothing dropped, no limit. */
    public static FilterConfig none() {
        return new FilterConfig(List.of(), null);
    }

    /** True when nothing is ever dropped. */
    public boolean isNone() {
        return drops.isEmpty() && rateLimit == null;
    }
}
