package dev.vigil.shippers.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyslogLineParserTest {
    /** The reference for stamps without a year: late in 2026, as a file's last change would be. */
    private static final Instant DEC_2026 = Instant.parse("2026-12-03T05:00:00Z");

    private final SyslogLineParser utc = new SyslogLineParser(ZoneOffset.UTC);

    private SyslogLine parse(String line) {
        return utc.parse(line, DEC_2026).orElseThrow(() -> new AssertionError("not parsed: " + line));
    }

    @Test
    void rfc3164LineGivesHostProgramPidAndMessageInTheReferenceYear() {
        SyslogLine l = parse(SyslogFixtures.line("rfc3164-samba-ad-dc.log"));
        assertEquals(Instant.parse("2026-09-27T16:30:18Z"), l.ts());
        assertEquals("iserv", l.host());
        assertEquals("systemd", l.program());
        assertEquals(1L, l.pid());
        assertNull(l.priority(), "an RFC 3164 file line has no PRI");
        assertEquals("samba-ad-dc.service: Main process exited, code=exited, status=127/n/a", l.message());
    }

    @Test
    void journalctlShortUnixGivesTheInstantItsSecondsSinceTheEpochSay() {
        // the samba line of rfc3164-samba-ad-dc.log as journalctl -o short-unix prints an entry
        String line = "1790526618.512034 iserv systemd[1]: samba-ad-dc.service: Main process exited, code=exited, status=127/n/a";

        SyslogLine l = utc.parse(line, DEC_2026).orElseThrow();

        assertEquals(Instant.parse("2026-09-27T16:30:18.512034Z"), l.ts());
        assertEquals("iserv", l.host());
        assertEquals("systemd", l.program());
        assertEquals(1L, l.pid());
        assertEquals("samba-ad-dc.service: Main process exited, code=exited, status=127/n/a", l.message());
        assertTrue(utc.looksLikeSyslog(line));
        assertFalse(utc.looksLikeSyslog("1790526618.512034 INFO worker: started"), "an app log with epoch stamps stays one");
    }

    @Test
    void anIsoStampWithASpaceAndNoZoneIsReadInTheLocalTime() {
        // Home Assistant OS prints its journal so (home-assistant/operating-system issue 4808)
        String line = "2026-06-23 15:54:05.770 homeassistant systemd[1]: Mounted Bluetooth persistent state.";

        SyslogLine l = new SyslogLineParser(ZoneId.of("Europe/Berlin")).parse(line, DEC_2026).orElseThrow();

        assertEquals(Instant.parse("2026-06-23T13:54:05.770Z"), l.ts(), "15:54:05.770 CEST");
        assertEquals("homeassistant", l.host());
        assertEquals("systemd", l.program());
        assertEquals(1L, l.pid());
        assertEquals("Mounted Bluetooth persistent state.", l.message());
        assertTrue(utc.looksLikeSyslog(line));
        // Spring Boot's and logback's lines have a level or a thread where a syslog line has its host
        assertFalse(utc.looksLikeSyslog("2024-05-01 10:00:00.123 ERROR 1 --- [main] c.e.App : failed"));
        assertFalse(utc.looksLikeSyslog("2024-05-01 10:00:00.123 [main] INFO c.e.App - started"));
        assertFalse(utc.looksLikeSyslog("2024-05-01 10:00:00 Starting server: listening on 8080"), "no pid: an app's own words");
    }

    @Test
    void sonicsSeverityWordAfterTheHostGivesThePriority() {
        // SONiC's rsyslog template puts %syslogseverity-text:::uppercase% between host and tag
        // (sonic-net/sonic-buildimage issue 4127, /var/log/syslog of a Dell S6100, Jun 2020)
        String line = "Jun  3 07:59:01.257158 sonic-s6100-07 ERR swss#orchagent: :- meta_sai_get_oid: get status: SAI_STATUS_FAILURE";

        SyslogLine l = parse(line);

        assertEquals(Instant.parse("2026-06-03T07:59:01.257158Z"), l.ts());
        assertEquals("sonic-s6100-07", l.host());
        assertEquals("swss#orchagent", l.program());
        assertEquals(3, l.priority(), "ERR");
        assertNull(l.facility());
        assertEquals(":- meta_sai_get_oid: get status: SAI_STATUS_FAILURE", l.message());
        assertTrue(utc.looksLikeSyslog(line));
        // a container's supervisord writes its own stamp where a tag would end with a colon
        // (sonic-net/sonic-swss pull request 2230, Apr 2022)
        SyslogLine sup = parse("Apr 15 22:24:39.752008 str-a7280cr3-2 INFO teamd#supervisord 2022-04-15 22:24:39,751 INFO exited: teamsyncd (exit status 1; not expected)");
        assertEquals(6, sup.priority(), "INFO");
        assertEquals("str-a7280cr3-2", sup.host());
        assertEquals("teamd#supervisord 2022-04-15 22:24:39,751 INFO exited: teamsyncd (exit status 1; not expected)", sup.message());
    }

    @Test
    void sonicsYearBeforeTheMonthIsTheLinesYear() {
        // SONiC 202405 and later: the year, then the RFC 3164 stamp with microseconds
        // (sonic-net/sonic-buildimage issue 22044, Dec 2024)
        String line = "2024 Dec 17 12:16:42.236508 sonic NOTICE teamd#tlm_teamd: :- main: Exiting";

        SyslogLine l = parse(line);

        assertEquals(Instant.parse("2024-12-17T12:16:42.236508Z"), l.ts());
        assertEquals("sonic", l.host());
        assertEquals("teamd#tlm_teamd", l.program());
        assertEquals(5, l.priority(), "NOTICE");
        assertEquals(":- main: Exiting", l.message());
        assertTrue(utc.looksLikeSyslog(line));
        // a file may start with a container's supervisord line, which has a severity but no tag
        assertTrue(utc.looksLikeSyslog("2024 Dec 17 12:16:41.235476 sonic INFO teamd#supervisord 2024-12-17 12:16:41,235 INFO waiting for supervisor-proc-exit-listener, rsyslogd, teammgrd, teamsyncd, tlm_teamd to die"));
    }

    @Test
    void aLineWithoutAHostStartsItsTagAfterTheStamp() {
        // journalctl --no-hostname, as pasted in nefelim4ag/Ananicy pull request 161 (Jun 2019; a line the
        // mail client wrapped, joined again)
        SyslogLine l = parse("Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too quickly.");

        assertNull(l.host());
        assertEquals("systemd", l.program());
        assertEquals(1L, l.pid());
        assertEquals("ananicy.service: Start request repeated too quickly.", l.message());
        // an empty host leaves two spaces (systemd/systemd issue 23356, systemd 249 on an ARM board, May 2022)
        SyslogLine empty = parse("May 12 02:37:21  systemd[1]: systemd-hostnamed.service: Deactivated successfully.");
        assertNull(empty.host());
        assertEquals("systemd", empty.program());
        assertEquals("systemd-hostnamed.service: Deactivated successfully.", empty.message());
    }

    @Test
    void theKernelsLineWithoutAHostHasTheKernelTagAndNoPid() {
        // github.com/steemit/hivemind issue 31 (Oct 2017): a syslog written without host names
        SyslogLine none = parse("Oct 11 08:14:56 kernel: [1692646.139464] device-mapper: thin: 253:2: switching pool to "
                + "out-of-data-space (error IO) mode");

        assertNull(none.host());
        assertEquals("kernel", none.program());
        assertNull(none.pid());
        assertEquals("[1692646.139464] device-mapper: thin: 253:2: switching pool to out-of-data-space (error IO) mode",
                none.message());
        assertTrue(utc.looksLikeSyslog("Oct 11 08:14:56 kernel: [1692646.139464] device-mapper: thin: 253:2: switching pool "
                + "to out-of-data-space (error IO) mode"));
        // a host named kernel still has its tag after it
        assertEquals("kernel", parse("Oct 11 08:14:56 kernel kernel: [1692646.139464] device-mapper: thin: 253:2: switching "
                + "pool to out-of-data-space (error IO) mode").host());
    }

    @Test
    void aFileWhoseFirstLineHasNoHostIsASyslogFileWhenItsTagHasAPid() {
        // the two lines above, each the first line of a file
        assertTrue(utc.looksLikeSyslog("Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too quickly."));
        assertTrue(utc.looksLikeSyslog("May 12 02:37:21  systemd[1]: systemd-hostnamed.service: Deactivated successfully."));
        assertFalse(utc.looksLikeSyslog("Jun 30 13:25:13 started: listening on 8080"), "no host, no pid: an app's own words");
    }

    @Test
    void stampWithoutYearIsInTheLocalTimeOfTheGivenZone() {
        SyslogLine l = new SyslogLineParser(ZoneId.of("Europe/Berlin"))
                .parse(SyslogFixtures.line("rfc3164-samba-ad-dc.log"), DEC_2026).orElseThrow();
        assertEquals(Instant.parse("2026-09-27T14:30:18Z"), l.ts(), "16:30:18 CEST");
    }

    @Test
    void decemberLinesReadInJanuaryAreFromTheYearBefore() {
        String december = "Dec 31 23:59:58 iserv systemd[1]: Started samba-ad-dc.service.";
        String january = "Jan  1 00:00:03 iserv systemd[1]: Started samba-ad-dc.service.";
        Instant newYear = Instant.parse("2027-01-01T00:10:00Z");
        assertEquals(Instant.parse("2026-12-31T23:59:58Z"), utc.parse(december, newYear).orElseThrow().ts());
        assertEquals(Instant.parse("2027-01-01T00:00:03Z"), utc.parse(january, newYear).orElseThrow().ts());
    }

    @Test
    void journalctlUnderAnotherLocaleNamesTheMonthInItsLanguage() {
        // fr_FR (john30/ebusd issue 229, Raspbian stretch, Dec 2018)
        SyslogLine french = parse("déc. 11 08:29:21 lingerie systemd[1]: ebusd.service: Start request repeated too quickly.");
        assertEquals(Instant.parse("2025-12-11T08:29:21Z"), french.ts(), "after the reference of December 3: the year before");
        assertEquals("lingerie", french.host());
        assertEquals("ebusd.service: Start request repeated too quickly.", french.message());
        // pt_BR (bitcoin/bitcoin issue 26718, Dec 2022)
        SyslogLine portuguese = parse("dez 17 17:48:09 nakamoto systemd[1]: bitcoind.service: Start request repeated too quickly.");
        assertEquals(Instant.parse("2026-12-17T17:48:09Z").minusSeconds(365L * 86_400), portuguese.ts(),
                "December 17 is after the reference of December 3: the year before");
        assertEquals("nakamoto", portuguese.host());
        // de_DE's March, with its umlaut
        assertEquals(3, parse("Mär 02 10:00:00 host systemd[1]: x").ts().atZone(ZoneOffset.UTC).getMonthValue());
        assertTrue(utc.parse("Foo 17 17:48:09 nakamoto systemd[1]: x", DEC_2026).isEmpty(), "no month of any language");
    }

    @Test
    void journalctlShortWithZeroPaddedDayAndLowerCaseMonth() {
        assertEquals(Instant.parse("2026-10-03T21:22:49Z"), parse(SyslogFixtures.line("journalctl-short-redis.log")).ts());
        SyslogLine lower = parse(SyslogFixtures.line("journalctl-short-lowercase-month.log"));
        assertEquals(Instant.parse("2026-11-20T12:15:50Z"), lower.ts());
        assertEquals("conntrackd.service: Service hold-off time over, scheduling restart.", lower.message());
    }

    @Test
    void shortPreciseKeepsTheMicrosecondsAndKernelLinesHaveNoPid() {
        SyslogLine l = parse(SyslogFixtures.line("journalctl-short-precise.log"));
        assertEquals(Instant.parse("2026-03-14T10:12:31.545053Z"), l.ts());
        assertEquals("localhost", l.host());
        assertEquals("kernel", l.program());
        assertNull(l.pid());
        assertEquals("x86/PAT: Configuration [0-7]: WB  WC  UC- UC  WB  WP  UC- WT  ", l.message());
    }

    @Test
    void shortIsoAndShortIsoPreciseCarryTheirOffset() {
        SyslogLine iso = parse(SyslogFixtures.line("journalctl-short-iso.log"));
        assertEquals(Instant.parse("2023-09-08T15:20:30Z"), iso.ts());
        assertEquals("tarta", iso.host());
        assertEquals("r710_fan_controller.sh", iso.program());
        assertEquals(20911L, iso.pid());
        assertEquals("Highest drive temperature: 43 Celcius.", iso.message());
        assertEquals(Instant.parse("2023-09-08T15:20:30.655028Z"),
                parse(SyslogFixtures.line("journalctl-short-iso-precise.log")).ts());
    }

    @Test
    void priPrefixGivesFacilityAndPriority() {
        SyslogLine l = parse(SyslogFixtures.line("rfc3164-pri.log"));
        assertEquals(4, l.facility(), "auth");
        assertEquals(2, l.priority(), "crit");
        assertEquals("mymachine", l.host());
        assertEquals("su", l.program());
        assertEquals("'su root' failed for lonvick on /dev/pts/8", l.message());
    }

    @Test
    void rfc5424LinesWithAndWithoutStructuredData() {
        var lines = SyslogFixtures.lines("rfc5424.log");
        SyslogLine su = parse(lines.get(0));
        assertEquals(Instant.parse("2003-10-11T22:14:15.003Z"), su.ts());
        assertEquals("mymachine.example.com", su.host());
        assertEquals("su", su.program());
        assertNull(su.pid(), "PROCID '-'");
        assertEquals(2, su.priority());
        assertEquals("'su root' failed for lonvick on /dev/pts/8", su.message(), "the BOM is not part of the text");

        SyslogLine myproc = parse(lines.get(1));
        assertEquals(Instant.parse("2003-08-24T12:14:15.000003Z"), myproc.ts());
        assertEquals(8710L, myproc.pid());
        assertEquals(20, myproc.facility(), "local4");
        assertEquals(5, myproc.priority(), "notice");
        assertEquals("%% It's time to make the do-nuts.", myproc.message());

        SyslogLine sd = parse(lines.get(2));
        assertEquals("evntslog", sd.program());
        assertEquals("An application event log entry...", sd.message());
    }

    @Test
    void rfc5424WithoutPriIsRead() {
        String withoutPri = SyslogFixtures.lines("rfc5424.log").get(1).substring("<165>".length());
        SyslogLine l = parse(withoutPri);
        assertEquals("myproc", l.program());
        assertNull(l.priority());
    }

    @Test
    void syslogFilesAreToldFromApplicationLogs() {
        for (String name : new String[] {"rfc3164-samba-ad-dc.log", "journalctl-short-redis.log", "journalctl-short-iso.log",
                "journalctl-short-precise.log", "rfc3164-pri.log", "rfc5424.log", "messages-oom-kill.log"}) {
            assertTrue(utc.looksLikeSyslog(SyslogFixtures.line(name)), name);
        }
        // first lines of application logs the file shipper tails as text
        assertFalse(utc.looksLikeSyslog("2026-02-08 09:04:45 ERROR Failed to get environment info: Expecting value: line 1 column 1 (char 0)"));
        assertFalse(utc.looksLikeSyslog("2026-02-11 09:00:01,234 INFO exited: currents (exit status 1; not expected)"));
        assertFalse(utc.looksLikeSyslog("2026-02-08T09:04:45+00:00 INFO main: started"));
        assertFalse(utc.looksLikeSyslog("127.0.0.1 - - [11/Feb/2026 09:58:30] \"GET /health HTTP/1.1\" 200 -"));
        assertFalse(utc.looksLikeSyslog("[  123.456789] Out of memory: Killed process 1 (x)"));
    }

    @Test
    void journalctlMarkersAndContinuationsAreNotEntries() {
        assertTrue(SyslogLineParser.isJournalMarker("-- Logs begin at Mon 2026-11-23 00:00:01 UTC, end at Tue 2026-11-24 10:00:00 UTC. --"));
        assertTrue(SyslogLineParser.isJournalMarker("-- Reboot --"));
        assertTrue(SyslogLineParser.isJournalMarker("-- No entries --"));
        assertTrue(SyslogLineParser.continues("                                               File \"/srv/app.py\", line 3"));
        assertFalse(SyslogLineParser.continues(SyslogFixtures.line("rfc3164-samba-ad-dc.log")));
        assertTrue(utc.parse("-- Reboot --", DEC_2026).isEmpty());
    }

    @Test
    void journalctlXsCatalogTextIsNotAnEntry() {
        // journalctl -xe explains catalogued entries on lines of its own, each behind "-- "
        // (clearlinux/cloud-native-setup issue 127, Jul 2020)
        assertTrue(SyslogLineParser.isJournalMarker("-- Subject: Automatic restarting of a unit has been scheduled"));
        assertTrue(SyslogLineParser.isJournalMarker("-- Defined-By: systemd"));
        assertTrue(SyslogLineParser.isJournalMarker("-- Support: https://lists.freedesktop.org/mailman/listinfo/systemd-devel"));
        assertTrue(SyslogLineParser.isJournalMarker("-- "));
        assertTrue(SyslogLineParser.isJournalMarker("-- Automatic restarting of the unit kubelet.service has been scheduled, as the result for"));
        assertTrue(SyslogLineParser.isJournalMarker("-- The job identifier is 8327 and the job result is done."));
        // systemd >= 246 puts "░░ " before it instead (systemd/systemd issue 19546, May 2021)
        assertTrue(SyslogLineParser.isJournalMarker("░░ Subject: A start job for unit UNIT has begun execution"));
        assertTrue(SyslogLineParser.isJournalMarker("░░ Defined-By: systemd"));
        assertTrue(SyslogLineParser.isJournalMarker("░░ "));
        assertTrue(SyslogLineParser.isJournalMarker("░░ The job identifier is 143."));
    }

    @Test
    void impossibleStampIsNotALine() {
        assertTrue(utc.parse("Feb 30 10:00:00 host prog[1]: x", DEC_2026).isEmpty());
        assertTrue(utc.parse("<999>Oct 11 22:14:15 mymachine su: x", DEC_2026).isEmpty());
        assertTrue(utc.parse("", DEC_2026).isEmpty());
    }
}
