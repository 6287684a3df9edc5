package dev.vigil.shippers.filter;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Decides, for every event of every source, whether it is sent: drop rules first, then the rate
 * limit of its source and unit (one token bucket per {@code source:unit}, see
 * {@link DropRule#unitOf}). The shipper's own events (heartbeats, truncation, cursor loss) always
 * pass. Events over the limit are counted per key for {@link DropReporter}. Called from every
 * source thread.
 */
public final class EventFilter {
    private final List<DropRule> drops;
    private final RateLimit limit;
    private final LongSupplier nanos;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> overLimit = new ConcurrentHashMap<>();

    public EventFilter(FilterConfig config) {
        this(config, System::nanoTime);
    }

    /** A filter reading time from {@code nanos}; tests step it. */
    EventFilter(FilterConfig config, LongSupplier nanos) {
        this.drops = config.drops();
        this.limit = config.rateLimit();
        this.nanos = Objects.requireNonNull(nanos, "nanos");
    }

    /** True when {@code e} is to be sent; false when a rule drops it or its key is over the rate limit. */
    public boolean admits(Event e) {
        if (e.source() == Source.SHIPPER) {
            return true;
        }
        for (DropRule r : drops) {
            if (r.matches(e)) {
                return false;
            }
        }
        if (limit == null) {
            return true;
        }
        String key = keyOf(e);
        long now = nanos.getAsLong();
        if (buckets.computeIfAbsent(key, k -> new TokenBucket(limit, now)).take(now)) {
            return true;
        }
        overLimit.computeIfAbsent(key, k -> new LongAdder()).increment();
        return false;
    }

    /** The rate limit, or null. */
    public RateLimit rateLimit() {
        return limit;
    }

    /** Events dropped over the rate limit per {@code source:unit} since the last call, only keys with some. */
    public Map<String, Long> takeOverLimit() {
        Map<String, Long> out = new TreeMap<>();
        overLimit.forEach((key, n) -> {
            long v = n.sumThenReset();
            if (v > 0) {
                out.put(key, v);
            }
        });
        return out;
    }

    static String keyOf(Event e) {
        String unit = DropRule.unitOf(e);
        return e.source().wireName() + ":" + (unit == null ? "-" : unit);
    }
}
