package dev.vigil.analyzer.topology;

import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which event times the analyzer takes. Event time drives each host's clock (quiet periods,
 * silences), so one absurd stamp must neither stop the pipeline nor move a host's time: stamps
 * no host can have written are refused with the reason, stamps ahead of their arrival are kept
 * at the arrival time.
 */
public final class EventTimes {
    private static final Logger log = LoggerFactory.getLogger(EventTimes.class);
    /** Events stamped this far after they reached Kafka are clock errors, not events. */
    static final Duration MAX_FUTURE = Duration.ofDays(1);
    /** Before this no Linux host wrote the events Vigil reads; a ts there is a parse error upstream. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /**
     * An event stamped further than this after it reached Kafka is kept at the time it reached
     * Kafka, flagged {@code ts_clamped} with its own stamp in {@code fields.original_ts}. The
     * record's time is the shipper's send time on the same host, so a host whose whole clock is
     * off is not affected; one line with a wrong stamp (a wrong zone, a garbled year) is, and would
     * otherwise move its host's clock hours ahead and end every open incident of that host at once.
     */
    static final Duration MAX_AHEAD = Duration.ofMinutes(15);
    static final String TS_CLAMPED = "ts_clamped";

    private EventTimes() {}

    /** Why no host can have written an event at {@code ts}, or empty when it can. */
    public static Optional<String> tooEarly(Instant ts) {
        return ts.isBefore(EARLIEST) ? Optional.of("absurd timestamp: ts " + ts + " is before " + EARLIEST) : Optional.empty();
    }

    /** Why an event at {@code ts} that reached Kafka at {@code receivedAt} is refused, or empty. */
    static Optional<String> absurdTime(Instant ts, Instant receivedAt) {
        Optional<String> early = tooEarly(ts);
        if (early.isPresent()) {
            return early;
        }
        if (ts.isAfter(receivedAt.plus(MAX_FUTURE))) {
            return Optional.of("absurd timestamp: ts " + ts + " is more than " + MAX_FUTURE.toHours()
                    + " h after the record reached Kafka at " + receivedAt);
        }
        return Optional.empty();
    }

    /** The event, or when it is stamped more than {@link #MAX_AHEAD} after {@code receivedAt}, a copy stamped then. */
    static Event clampedToArrival(Event e, Instant receivedAt) {
        if (!e.ts().isAfter(receivedAt.plus(MAX_AHEAD))) {
            return e;
        }
        log.warn("Event stamped ahead of its arrival, kept at arrival time host={} ts={} receivedAt={} maxAhead={}",
                e.host(), e.ts(), receivedAt, MAX_AHEAD);
        Set<String> flags = new TreeSet<>(e.flags());
        flags.add(TS_CLAMPED);
        Map<String, String> fields = new TreeMap<>(e.fields());
        fields.put("original_ts", e.ts().toString());
        return e.toBuilder().ts(receivedAt).flags(flags).fields(fields).build();
    }
}
