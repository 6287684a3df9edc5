package dev.vigil.shippers.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyslogEventMapperTest {
    private static final Instant DEC_2026 = Instant.parse("2026-12-03T05:00:00Z");

    private final SyslogLineParser parser = new SyslogLineParser(ZoneOffset.UTC);
    private final SyslogEventMapper mapper = new SyslogEventMapper();

    private Event event(String line) {
        return mapper.toEvent(parser.parse(line, DEC_2026).orElseThrow(), null, "fallback").id("id").build();
    }

    @Test
    void kernelLineIsAKernelEventWithTheMessageAsTheKernelWroteIt() {
        Event e = event(SyslogFixtures.line("messages-oom-kill.log"));
        assertEquals(Source.KERNEL, e.source());
        assertEquals("PLEDXDBOR0G", e.host());
        assertEquals(Instant.parse("2026-03-24T18:41:04Z"), e.ts());
        assertEquals("Out of memory: Killed process 2475067 (postgres) total-vm:2484556kB, anon-rss:143224kB, "
                + "file-rss:0kB, shmem-rss:452kB, UID:1011 pgtables:588kB oom_score_adj:900", e.message());
        assertNull(e.unit());
        assertNull(e.identifier());
    }

    @Test
    void klogdSecondsSinceBootAreCutFromKernelMessages() {
        Event e = event(SyslogFixtures.line("kern-log-monotonic-stamp.log"));
        assertEquals("memory-hog-2048 invoked oom-killer: gfp_mask=0x2084d0, order=0, oom_score_adj=0", e.message());
    }

    @Test
    void thePrintkCallerAfterTheStampIsCutToo() {
        // SLES 15 kernels print the task or CPU that logged the line after the stamp; rsyslog keeps both
        List<String> lines = SyslogFixtures.lines("messages-printk-caller.log");
        assertEquals("Linux version 5.14.21-150400.24.21-default (geeko@buildhost) (gcc (SUSE Linux) 7.5.0, "
                + "GNU ld (GNU Binutils; SUSE Linux Enterprise 15) 2.37.20211103-150100.7.37) #1 SMP PREEMPT_DYNAMIC "
                + "Wed Sep 7 06:51:18 UTC 2022 (974d0aa)", event(lines.get(0)).message());
        assertEquals(Source.KERNEL, event(lines.get(1)).source());
        assertEquals("Command line: BOOT_IMAGE=/boot/vmlinuz-5.14.21-150500.55.100-default root=/dev/mapper/systemVG-LVRoot "
                + "splash=0 log_buf_len=8M consoleblank=0 nomodeset ipv6.disable=1 fsck.repair=yes transparent_hugepage=never",
                event(lines.get(1)).message());
    }

    @Test
    void systemdLinesGetTheUnitTheyAreAboutAsJournaldPutsItInUnit() {
        List<String> lines = SyslogFixtures.lines("rfc3164-samba-ad-dc.log");
        for (String line : lines) {
            Event e = event(line);
            assertEquals(Source.JOURNALD, e.source());
            assertEquals("systemd", e.identifier());
            assertEquals(1L, e.pid());
            assertEquals("samba-ad-dc.service", e.unit(), line);
            assertNull(e.fields().get("USER_UNIT"), "no USER_UNIT for the system manager");
        }
        assertEquals("redis-server.service", event(SyslogFixtures.lines("journalctl-short-redis.log").get(1)).unit());
        assertEquals("conntrackd.service", event(SyslogFixtures.line("journalctl-short-lowercase-month.log")).unit());
        // the unit's description, not its name: journald knows the unit, the line does not say it
        assertNull(event(SyslogFixtures.lines("journalctl-short-redis.log").get(2)).unit());
    }

    @Test
    void systemdLinesOfOlderVersionsNameTheUnitElsewhere() {
        assertEquals("systemd-journald.service",
                event("Oct 22 04:31:47 host systemd[1]: Unit systemd-journald.service entered failed state.").unit());
        assertEquals("systemd-journald.service",
                event("Oct 22 04:31:47 host systemd[1]: systemd-journald.service has no holdoff time, scheduling restart.").unit());
        assertEquals("foo.service", event("Oct 22 04:31:47 host systemd[1]: start request repeated too quickly for foo.service").unit());
    }

    @Test
    void aUserManagersUnitIsTheUnitAndItsUserUnitField() {
        Event e = event("Sep 21 11:07:26 debnuc systemd[815]: agent-session.service: Main process exited, code=exited, status=1/FAILURE");
        assertEquals("agent-session.service", e.unit());
        assertEquals(Map.of("USER_UNIT", "agent-session.service"), e.fields());
    }

    @Test
    void aRestartLineWithoutUnitBelongsToTheUnitItsManagerLastSawDie() {
        event("Sep 21 11:07:26 debnuc systemd[1]: app.service: Main process exited, code=exited, status=1/FAILURE");
        event("Sep 21 11:07:26 debnuc systemd[815]: agent-session.service: Failed with result 'exit-code'.");
        assertEquals("app.service",
                event("Sep 21 11:07:32 debnuc systemd[1]: Scheduled restart job, restart counter is at 1.").unit());
        assertEquals("agent-session.service",
                event("Sep 21 11:07:32 debnuc systemd[815]: Scheduled restart job, restart counter is at 1.").unit());
    }

    @Test
    void aFailedStartJobBelongsToTheUnitThatFailedInTheSameSecondAndIsAnError() {
        List<String> redis = SyslogFixtures.lines("journalctl-short-redis.log");
        Event before = event(redis.get(5));
        assertNull(before.unit(), "no failure seen yet: the description names no unit");
        event(redis.get(4));
        Event failedJob = event(redis.get(5));
        assertEquals("Failed to start Advanced key-value store.", failedJob.message());
        assertEquals("redis-server.service", failedJob.unit());
        assertEquals(3, failedJob.priority(), "systemd logs a failed job at err");
        assertNull(event(redis.get(4).replace("21:22:49", "21:22:52")).priority());
        assertNull(event(redis.get(5).replace("21:22:49", "21:23:30")).unit(), "a later failed job is not that failure's");
    }

    @Test
    void aProgramGetsItsServiceUnitOnceSystemdHasNamedThatUnit() {
        String redisLine = "Oct 03 21:22:48 SarvanTestMachine redis-server[5769]: Failed listening on port 6379 (TCP), aborting.";
        assertNull(event(redisLine).unit(), "systemd has not named redis-server.service yet");
        event(SyslogFixtures.line("journalctl-short-redis.log"));
        Event e = event(redisLine);
        assertEquals("redis-server.service", e.unit());
        assertEquals("redis-server", e.identifier());
        assertEquals("redis-server", e.comm());
        assertEquals(5769L, e.pid());
        assertNull(event("Oct 03 21:22:48 SarvanTestMachine CRON[77]: (root) CMD (true)").unit());
    }

    @Test
    void systemdMessagesGetTheCatalogIdsTheJournalGivesThem() {
        List<String> redis = SyslogFixtures.lines("journalctl-short-redis.log");
        Event restart = event(redis.get(1));
        assertEquals("5eb03494b6584870a536b337290809b3", restart.messageId());
        assertEquals(Map.of("N_RESTARTS", "5"), restart.fields());
        Event result = event(redis.get(4));
        assertEquals("d9b373ed55a64feb8242e02dbe79a49c", result.messageId());
        assertEquals(Map.of("UNIT_RESULT", "exit-code"), result.fields());
        assertEquals("be02cf6855d2428ba40df7e9d022f03d", event(redis.get(5)).messageId());
        assertNull(event(redis.get(0)).messageId(), "hold-off over has no catalog entry");
        assertNull(event(redis.get(2)).messageId());
    }

    @Test
    void journalctlWithUnitTagsTheLineWithItsUnit() {
        Event e = event(SyslogFixtures.line("journalctl-with-unit.log"));
        assertEquals("release-image.service", e.unit());
        assertEquals(1995L, e.pid());
        assertEquals("2c5e0f38687f7acf45adf9de5e841a46bbbda574d121d71d92bfb929826dfa27", e.message());
    }

    @Test
    void continuationLinesJoinTheMessage() {
        Event e = mapper.toEvent(parser.parse(SyslogFixtures.line("journalctl-short-iso.log"), DEC_2026).orElseThrow(),
                "    second line", "fallback").build();
        assertEquals("Highest drive temperature: 43 Celcius.\n    second line", e.message());
    }

    @Test
    void priorityComesFromThePriOnly() {
        Event e = event(SyslogFixtures.line("rfc3164-pri.log"));
        assertEquals(2, e.priority());
        assertEquals(4, e.facility());
        assertNull(event(SyslogFixtures.line("rfc3164-samba-ad-dc.log")).priority());
    }
}
