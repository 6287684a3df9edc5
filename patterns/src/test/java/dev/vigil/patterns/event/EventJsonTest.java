package dev.vigil.patterns.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final Instant TS = Instant.parse("2026-03-14T02:11:07.398Z");

    @Test
    void shouldAcceptAMinimalEventWithOnlyTheFourRequiredFields() {
        Event e = EventJson.parse("{\"host\":\"web-1\",\"source\":\"kernel\",\"ts\":\"2026-03-14T02:11:07.398Z\","
                + "\"message\":\"Out of memory: Killed process 632846 (uvicorn)\"}");

        assertEquals("web-1", e.host());
        assertEquals(Source.KERNEL, e.source());
        assertEquals(TS, e.ts());
        assertEquals("Out of memory: Killed process 632846 (uvicorn)", e.message());
        assertNull(e.id());
        assertNull(e.unit());
        assertEquals(Map.of(), e.fields());
    }

    @Test
    void shouldRoundTripEveryFieldIncludingNonAsciiText() {
        Event e = Event.builder("hôst-ø", Source.JOURNALD, TS, "Fehler: Datei „x“ fehlt ✗")
                .id("abc").unit("rivet-worker.service").pid(4242L).comm("python3").identifier("rivet-worker")
                .priority(3).facility(3).messageId("5eb03494b6584870a536b337290809b3").bootId("b0")
                .file("/var/log/app.log").seq(17L).cursor("s=1;i=2").offset(1024L).partial(true)
                .flags(Set.of("invalid_utf8", "line_truncated")).fields(Map.of("N_RESTARTS", "17"))
                .build();

        Event back = EventJson.parse(EventJson.toJson(e));

        assertEquals(e, back);
    }

    @Test
    void shouldKeepUnknownFieldsVerbatim() {
        String json = "{\"host\":\"h\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07.398Z\",\"message\":\"m\","
                + "\"k8s\":{\"pod\":\"api-7f\"},\"tenant\":\"blue\"}";

        Event e = EventJson.parse(json);

        assertEquals(Set.of("k8s", "tenant"), e.extra().keySet());
        assertEquals("{\"host\":\"h\",\"source\":\"file\",\"ts\":\"2026-03-14T02:11:07.398Z\",\"message\":\"m\","
                + "\"k8s\":{\"pod\":\"api-7f\"},\"tenant\":\"blue\"}", EventJson.toJson(e));
    }

    @Test
    void shouldNameTheMissingRequiredField() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.parse("{\"host\":\"h\",\"source\":\"file\",\"message\":\"m\"}"));
        assertEquals("missing required field 'ts'", e.getMessage());
    }

    @Test
    void shouldExplainABadTimestampWithTheExpectedForm() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.parse("{\"host\":\"h\",\"source\":\"file\",\"ts\":\"14/Mar/2026\",\"message\":\"m\"}"));
        assertEquals("field 'ts' must be ISO-8601 UTC like 2026-03-14T02:11:07.398Z, got '14/Mar/2026'", e.getMessage());
    }

    @Test
    void shouldListTheAcceptedSourcesForAnUnknownOne() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.parse("{\"host\":\"h\",\"source\":\"syslog\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\"}"));
        assertEquals("field 'source': unknown source 'syslog', expected one of journald, kernel, file, shipper", e.getMessage());
    }

    @Test
    void shouldRefuseAPriorityOutsideSyslogRange() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.parse("{\"host\":\"h\",\"source\":\"kernel\",\"ts\":\"2026-03-14T02:11:07Z\",\"message\":\"m\",\"priority\":9}"));
        assertEquals("priority out of 0..7: 9", e.getMessage());
    }

    @Test
    void shouldRefuseInputThatIsNotAnObject() {
        assertEquals("event must be a JSON object",
                assertThrows(InvalidEventException.class, () -> EventJson.parse("[1,2]")).getMessage());
        assertEquals("not JSON", assertThrows(InvalidEventException.class, () -> EventJson.parse("garbage"))
                .getMessage().substring(0, 8));
    }

    @Test
    void shouldGiveTheSameIdForTheSameSourcePositionOnly() {
        String a = EventIds.of("web-1", Source.KERNEL, "boot-1", "17");
        assertEquals(a, EventIds.of("web-1", Source.KERNEL, "boot-1", "17"));
        assertNotEquals(a, EventIds.of("web-1", Source.KERNEL, "boot-1", "18"));
        assertNotEquals(a, EventIds.of("web-1", Source.KERNEL, "boot-2", "17"));
        assertNotEquals(EventIds.of("h", Source.FILE, "ab", "c"), EventIds.of("h", Source.FILE, "a", "bc"));
        assertEquals(32, a.length());
    }
}
