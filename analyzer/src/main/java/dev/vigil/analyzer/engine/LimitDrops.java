package dev.vigil.analyzer.engine;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine dropped to keep its state bounded (the oldest partial match, kill, … beyond
 * its limit): every drop is counted, and the first of each pattern is logged, once.
 */
public final class LimitDrops {
    private static final Logger log = LoggerFactory.getLogger(LimitDrops.class);

    private final String what;
    private final int limit;
    private final Set<String> logged = new HashSet<>();
    private long count;

    LimitDrops(String what, int limit) {
        this.what = what;
        this.limit = limit;
    }

    /** The oldest {@code what} of {@code pattern} on {@code host} was dropped at the limit. */
    public void dropped(String pattern, String host) {
        count++;
        if (logged.add(pattern)) {
            log.warn("Dropped the oldest entry at its limit; further drops of this pattern are counted, not logged"
                    + " what={} pattern={} host={} limit={}", what, pattern, host, limit);
        }
    }

    /** How many were dropped since the engine started. */
    public long count() {
        return count;
    }
}
