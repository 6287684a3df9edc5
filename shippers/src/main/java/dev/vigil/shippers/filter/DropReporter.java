package dev.vigil.shippers.filter;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.SourceMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells downstream what the rate limit dropped: one shipper event per {@code source:unit} that
 * went over it since the last report ({@code identifier: events_dropped}, fields {@code key},
 * {@code dropped}, {@code rate_limit}), so a flood cut short is still seen as a flood.
 */
public final class DropReporter {
    private static final Logger log = LoggerFactory.getLogger(DropReporter.class);

    private final String host;
    private final EventFilter filter;
    private final EventShipper shipper;
    private final SourceMetrics own;
    private final Clock clock;

    public DropReporter(String host, EventFilter filter, EventShipper shipper, SourceMetrics own, Clock clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.shipper = Objects.requireNonNull(shipper, "shipper");
        this.own = Objects.requireNonNull(own, "own");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sends one event per key dropped over the limit since the last call. */
    public void report() throws InterruptedException {
        Instant now = clock.instant();
        for (Map.Entry<String, Long> e : filter.takeOverLimit().entrySet()) {
            log.warn("Events dropped over the rate limit host={} key={} dropped={} rateLimit=\"{}\"",
                    host, e.getKey(), e.getValue(), filter.rateLimit());
            shipper.shipUntracked(event(e.getKey(), e.getValue(), now), own);
        }
    }

    Event event(String key, long dropped, Instant now) {
        return Event.builder(host, Source.SHIPPER, now, "dropped " + dropped + " events of " + key
                        + " over the rate limit " + filter.rateLimit())
                .id(EventIds.of(host, Source.SHIPPER, "events_dropped", key + "@" + now))
                .identifier("events_dropped")
                .fields(Map.of("key", key, "dropped", Long.toString(dropped), "rate_limit", filter.rateLimit().toString()))
                .build();
    }
}
