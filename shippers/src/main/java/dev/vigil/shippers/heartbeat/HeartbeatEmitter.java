package dev.vigil.shippers.heartbeat;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.SourceCounters;
import dev.vigil.shippers.produce.SourceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds and sends the per-host heartbeat: which sources are active and how far behind each is.
 * Downstream it advances stream time on quiet partitions and tells a silent stream on a live host
 * from a host that is gone.
 */
public final class HeartbeatEmitter {
    private final String host;
    private final Duration interval;
    private final EventShipper shipper;
    private final List<SourceMetrics> sources;
    private final SourceMetrics own;
    private final Clock clock;

    /**
     * @param sources the active sources, in the order they are listed
     * @param own counters of the heartbeats themselves
     */
    public HeartbeatEmitter(String host, Duration interval, EventShipper shipper, List<SourceMetrics> sources,
            SourceMetrics own, Clock clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.shipper = Objects.requireNonNull(shipper, "shipper");
        this.sources = List.copyOf(sources);
        this.own = Objects.requireNonNull(own, "own");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sends one heartbeat now. */
    public void emit() throws InterruptedException {
        shipper.shipUntracked(heartbeat(clock.instant()), own);
    }

    /**
     * The heartbeat at {@code now}. Fields: {@code sources} (comma-separated names),
     * {@code interval_ms}, and per source {@code <name>.lag_records} (sent, not yet acknowledged),
     * {@code <name>.lag_bytes} (files: bytes on disk not shipped yet),
     * {@code <name>.records_read}, {@code <name>.records_sent}, {@code <name>.errors},
     * {@code <name>.filtered} (dropped on purpose), and once a file was forgotten unread
     * {@code <name>.rotated_unread_files} and {@code <name>.rotated_unread_bytes}.
     */
    public Event heartbeat(Instant now) {
        Map<String, String> fields = new TreeMap<>();
        String names = sources.stream().map(SourceMetrics::source).collect(Collectors.joining(","));
        fields.put("sources", names);
        fields.put("interval_ms", Long.toString(interval.toMillis()));
        for (SourceMetrics s : sources) {
            SourceCounters c = s.counters();
            fields.put(s.source() + ".lag_records", Long.toString(s.inFlight()));
            s.lagBytes().ifPresent(b -> fields.put(s.source() + ".lag_bytes", Long.toString(b)));
            fields.put(s.source() + ".records_read", Long.toString(c.recordsRead()));
            fields.put(s.source() + ".records_sent", Long.toString(c.recordsSent()));
            fields.put(s.source() + ".errors", Long.toString(c.errors()));
            fields.put(s.source() + ".filtered", Long.toString(s.filtered()));
            if (s.rotatedUnreadFiles() > 0) {
                fields.put(s.source() + ".rotated_unread_files", Long.toString(s.rotatedUnreadFiles()));
                fields.put(s.source() + ".rotated_unread_bytes", Long.toString(s.rotatedUnreadBytes()));
            }
        }
        return Event.builder(host, Source.SHIPPER, now, "heartbeat: sources " + (names.isEmpty() ? "none" : names))
                .id(EventIds.of(host, Source.SHIPPER, "heartbeat", now.toString()))
                .identifier("heartbeat")
                .fields(fields)
                .build();
    }
}
