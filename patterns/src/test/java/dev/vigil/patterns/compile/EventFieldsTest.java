package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFieldsTest {
    private static final Event RESTART = Event.builder("web-1", Source.JOURNALD, Instant.parse("2026-02-08T09:04:45Z"),
                    "flaky-0.service: Scheduled restart job, restart counter is at 5.")
            .unit("flaky-0.service").priority(6).fields(Map.of("N_RESTARTS", "5")).build();

    @Test
    void aReaderLookedUpOnceReadsWhatReadReads() {
        for (String name : new String[] {"host", "source", "unit", "priority", "message", "pid", "fields.N_RESTARTS",
                "fields.MISSING"}) {
            assertEquals(EventFields.read(RESTART, name), EventFields.reader(name).apply(RESTART), name);
        }
        assertEquals("5", EventFields.reader("fields.N_RESTARTS").apply(RESTART));
        assertNull(EventFields.reader("pid").apply(RESTART));
    }

    @Test
    void anUnknownFieldFailsWhenItIsReadAsBefore() {
        var reader = EventFields.reader("no_such_field");
        assertThrows(IllegalArgumentException.class, () -> reader.apply(RESTART));
    }
}
