package dev.vigil.shippers.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private static final Instant T0 = Instant.parse("2026-03-14T02:11:07Z");
    private final AtomicLong nanos = new AtomicLong();

    private static Event journal(String unit, int priority, String message) {
        return Event.builder("web-1", Source.JOURNALD, T0, message).unit(unit).priority(priority).build();
    }

    @Test
    void shouldDropOnlyWhenEveryConditionOfARuleHolds() {
        EventFilter filter = new EventFilter(new FilterConfig(
                List.of(DropRule.parse("source=journald unit=nginx*.service level=info,debug regex=GET /healthz")), null));

        assertFalse(filter.admits(journal("nginx.service", 6, "10.0.0.1 GET /healthz 200")));
        assertTrue(filter.admits(journal("nginx.service", 3, "10.0.0.1 GET /healthz 500")), "an error is kept");
        assertTrue(filter.admits(journal("nginx.service", 6, "10.0.0.1 GET /login 200")), "another path");
        assertTrue(filter.admits(journal("rivet.service", 6, "10.0.0.1 GET /healthz 200")), "another unit");
    }

    @Test
    void shouldLetABurstThroughThenRefillAtTheRatePerSourceAndUnit() {
        EventFilter filter = new EventFilter(new FilterConfig(List.of(), RateLimit.parse("2/1s burst=3")), nanos::get);
        Event noisy = journal("noisy.service", 6, "tick");

        assertEquals(List.of(true, true, true, false, false),
                List.of(filter.admits(noisy), filter.admits(noisy), filter.admits(noisy), filter.admits(noisy),
                        filter.admits(noisy)));
        assertTrue(filter.admits(journal("quiet.service", 6, "tick")), "each unit has its own bucket");
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertTrue(filter.admits(noisy), "one token back after half a second at 2/s");
        assertFalse(filter.admits(noisy));
        assertEquals(Map.of("journald:noisy.service", 3L), filter.takeOverLimit());
        assertEquals(Map.of(), filter.takeOverLimit(), "counted once");
    }

    @Test
    void shouldNeverDropTheShippersOwnEvents() {
        EventFilter filter = new EventFilter(new FilterConfig(List.of(DropRule.parse("regex=.")),
                RateLimit.parse("1/1h")), nanos::get);
        Event heartbeat = Event.builder("web-1", Source.SHIPPER, T0, "heartbeat: sources file").identifier("heartbeat").build();

        assertTrue(filter.admits(heartbeat));
        assertTrue(filter.admits(heartbeat));
    }

    @Test
    void shouldRejectARuleWithoutConditionOrWithAnUnknownOne() {
        assertEquals("drop rule '' has no condition; give source=, unit=, level= or regex=",
                assertThrows(IllegalArgumentException.class, () -> DropRule.parse("")).getMessage());
        assertEquals("unknown drop condition 'host=web-1', expected source=, unit=, level= or regex= (last)",
                assertThrows(IllegalArgumentException.class, () -> DropRule.parse("host=web-1")).getMessage());
    }
}
