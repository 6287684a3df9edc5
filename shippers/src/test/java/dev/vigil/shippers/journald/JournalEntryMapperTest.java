package dev.vigil.shippers.journald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JournalEntryMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JournalEntryMapper mapper = new JournalEntryMapper("shipper-host");

    private Event map(String json) throws Exception {
        return mapper.toEvent(JSON.readTree(json));
    }

    @Test
    void shouldMapJournalFieldsToEventFields() throws Exception {
        Event e = map("""
                {"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1773454267123456","__MONOTONIC_TIMESTAMP":"99",
                 "_HOSTNAME":"web-1","_BOOT_ID":"b1","MESSAGE":"ModuleNotFoundError: No module named 'asyncpg'",
                 "_SYSTEMD_UNIT":"rivet-worker.service","SYSLOG_IDENTIFIER":"rivet","_COMM":"python3","_PID":"4242",
                 "PRIORITY":"3","SYSLOG_FACILITY":"3","MESSAGE_ID":"abc","_UID":"1000"}""");

        Event expected = Event.builder("web-1", Source.JOURNALD, Instant.parse("2026-03-14T02:11:07.123456Z"),
                        "ModuleNotFoundError: No module named 'asyncpg'")
                .id(EventIds.of("web-1", Source.JOURNALD, "b1", "s=1;i=2"))
                .unit("rivet-worker.service").identifier("rivet").comm("python3").pid(4242L)
                .priority(3).facility(3).messageId("abc").bootId("b1").cursor("s=1;i=2")
                .fields(Map.of("__MONOTONIC_TIMESTAMP", "99", "_UID", "1000"))
                .build();
        assertEquals(expected, e);
    }

    @Test
    void aUnitsOutputLineTakesTheLevelItWroteOverTheStreamsDefault() throws Exception {
        // kubelet writes klog to stderr; journald gives the stream its default, info (kubernetes issue 130855)
        Event kubelet = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","_TRANSPORT":"stdout","PRIORITY":"6","_SYSTEMD_UNIT":"kubelet.service",
                 "MESSAGE":"E0317 06:29:32.834597 1413880 kubelet.go:2345] \\"Skipping pod synchronization\\" err=\\"PLEG is not healthy\\""}""");
        assertEquals(3, kubelet.priority(), "the line's E is its level");
        Event plain = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","_TRANSPORT":"stdout","PRIORITY":"6","_SYSTEMD_UNIT":"rivet-worker.service",
                 "MESSAGE":"ModuleNotFoundError: No module named 'asyncpg'"}""");
        assertEquals(6, plain.priority(), "a line without a level keeps the journal's");
        Event logged = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","_TRANSPORT":"journal","PRIORITY":"6","_SYSTEMD_UNIT":"rivet-worker.service",
                 "MESSAGE":"ERROR retry budget left: 3"}""");
        assertEquals(6, logged.priority(), "a program that logs to the journal itself set its priority");
    }

    @Test
    void aContainersLineThroughTheJournaldDriverTakesItsOwnLevelNotItsStreams() throws Exception {
        // Docker's journald driver gives stderr err; Python's logging writes INFO there
        // (uvicorn's line as pasted in tortoise/tortoise-orm issue 869)
        Event e = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","_TRANSPORT":"journal","PRIORITY":"3","_SYSTEMD_UNIT":"docker.service",
                 "CONTAINER_NAME":"api","CONTAINER_ID":"8d83f21e8e1d","SYSLOG_IDENTIFIER":"8d83f21e8e1d",
                 "MESSAGE":"INFO:uvicorn.error:Application startup complete."}""");
        assertEquals(6, e.priority());
    }

    @Test
    void shouldPreferUnitOverSystemdUnitForSystemdMessagesAboutAUnit() throws Exception {
        Event e = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","MESSAGE":"rivet-worker.service: Scheduled restart job, restart counter is at 14552.",
                 "_SYSTEMD_UNIT":"init.scope","UNIT":"rivet-worker.service"}""");

        assertEquals("rivet-worker.service", e.unit());
        assertEquals(Map.of("_SYSTEMD_UNIT", "init.scope"), e.fields());
    }

    @Test
    void aUserManagerMessageShouldBeAboutTheUserUnitNotTheUserManager() throws Exception {
        Event e = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","MESSAGE":"redshift.service: Start request repeated too quickly.",
                 "_SYSTEMD_UNIT":"user@1000.service","_SYSTEMD_USER_UNIT":"init.scope","USER_UNIT":"redshift.service"}""");

        assertEquals("redshift.service", e.unit());
    }

    @Test
    void aUserUnitsOwnOutputShouldCarryThatUnit() throws Exception {
        Event e = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","MESSAGE":"Traceback (most recent call last):",
                 "_SYSTEMD_UNIT":"user@1000.service","_SYSTEMD_USER_UNIT":"backup-emails.service"}""");

        assertEquals("backup-emails.service", e.unit());
    }

    @Test
    void theUserManagersOwnMessagesShouldStayWithTheUserManager() throws Exception {
        Event e = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","MESSAGE":"Reached target Default.",
                 "_SYSTEMD_UNIT":"user@1000.service","_SYSTEMD_USER_UNIT":"init.scope"}""");

        assertEquals("user@1000.service", e.unit());
    }

    @Test
    void shouldDecodeByteArrayFieldAndFlagInvalidUtf8() throws Exception {
        Event e = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","MESSAGE":[98,97,100,32,255]}""");

        assertEquals("bad \uFFFD", e.message());
        assertEquals(Set.of("invalid_utf8"), e.flags());
    }

    @Test
    void shouldJoinRepeatedFieldsIncludingByteArrayValues() throws Exception {
        Event e = map("""
                {"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","MESSAGE":"m","TAG":["a",[98,99]]}""");

        assertEquals(Map.of("TAG", "a\nbc"), e.fields());
        assertEquals(Set.of(), e.flags());
    }

    @Test
    void shouldUseShipperHostWhenEntryHasNoHostname() throws Exception {
        assertEquals("shipper-host", map("{\"__CURSOR\":\"c\",\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"m\"}").host());
    }

    @Test
    void shouldRejectEntryWithoutCursorNamingTheField() {
        JournalEntryException e = assertThrows(JournalEntryException.class,
                () -> map("{\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"m\"}"));

        assertEquals("journal entry has no __CURSOR", e.getMessage());
    }
}
