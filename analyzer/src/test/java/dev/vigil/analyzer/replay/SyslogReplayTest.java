package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syslog text files and journalctl exports through replay with the standard library: the crash
 * loop and the OOM kills a host's /var/log/syslog shows give the incidents the journal gives.
 */
class SyslogReplayTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());
    private static final Path FIXTURES = Path.of("src/test/resources/replay/syslog");
    /** The fixtures' lines are from 2026; the file's last change gives the year of stamps without one. */
    private static final Instant CHANGED = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir Path dir;

    private Path copy(String name) throws IOException {
        Path p = Files.copy(FIXTURES.resolve(name), dir.resolve(name));
        Files.setLastModifiedTime(p, FileTime.from(CHANGED));
        return p;
    }

    private Replay.Result replay(List<String> progress, ReplayInput... inputs) throws IOException {
        return new Replay(LIBRARY, progress::add).run(List.of(inputs), new Replay.Options(null, null));
    }

    private static ReplayInput utc(Path p) {
        return new ReplayInput(p, null, null, null, null, ZoneOffset.UTC);
    }

    /** What a user compares: type, host, subject and count of each incident. */
    private static List<String> described(List<Incident> incidents) {
        return incidents.stream().map(i -> i.type() + " " + i.host() + " " + i.subject() + " x" + i.count())
                .sorted().toList();
    }

    @Test
    void syslogFileIsDetectedAndGivesTheCrashLoopAndTheOomKills() throws IOException {
        List<String> progress = new ArrayList<>();
        Replay.Result result = replay(progress, utc(copy("crash-loop-and-oom.syslog")));

        assertEquals(List.of(
                "oom_kill PLEDXDBOR0G postgres x1",
                "oom_kill PLEDXDBOR0G postgres x1",
                "restart_burst SarvanTestMachine redis-server.service x5",
                "unit_failed SarvanTestMachine redis-server.service x6",
                "unit_start_limit SarvanTestMachine redis-server.service x1"), described(result.incidents()));
        assertEquals(30, result.events());
        assertEquals(List.of(), progress, "every line read");
        Incident burst = result.incidents().stream().filter(i -> i.type().equals("restart_burst")).findFirst().orElseThrow();
        assertTrue(burst.summary().startsWith("redis-server.service restarted 5 times since 2026-10-03T21:21:09"), burst.summary());
        assertTrue(burst.summary().contains("(restart counter 5)"), "the counter line completes its restart: " + burst.summary());
    }

    @Test
    void syslogFileGivesTheSameIncidentsAsTheJournalOfTheSameEvents() throws IOException {
        Replay.Result fromSyslog = replay(new ArrayList<>(), utc(copy("crash-loop-and-oom.syslog")));
        Replay.Result fromJournal = replay(new ArrayList<>(), utc(copy("crash-loop-and-oom.journal.json")));

        assertEquals(described(fromJournal.incidents()), described(fromSyslog.incidents()));
        assertEquals(fromJournal.incidents().stream().map(Incident::summary).sorted().toList(),
                fromSyslog.incidents().stream().map(Incident::summary).sorted().toList());
    }

    @Test
    void aServicesOwnErrorLinesJoinItsCrashLoopAsTheCause() throws IOException {
        List<String> progress = new ArrayList<>();
        Replay.Result result = replay(progress, utc(copy("lightdm-crash-loop.syslog")));

        Incident burst = result.incidents().stream().filter(i -> i.type().equals("restart_burst")).findFirst()
                .orElseThrow(() -> new AssertionError(described(result.incidents())));
        assertEquals("lightdm.service", burst.subject());
        assertEquals("x6100", burst.host());
        assertEquals(6, burst.count());
        assertTrue(burst.summary().contains("restart counter 202"), burst.summary());
        assertTrue(burst.summary().contains("last error: Error getting user list from org.freedesktop.Accounts"),
                "lightdm's own line, its unit known once systemd named lightdm.service: " + burst.summary());
        assertEquals(List.of(), progress);
    }

    @Test
    void oneFailureAndAnOomKillerInvocationWithoutAKillAreNotIncidents() throws IOException {
        List<String> progress = new ArrayList<>();
        Replay.Result result = replay(progress, utc(copy("samba-one-failure.syslog")), utc(copy("oom-invoked-no-kill.kern.log")));

        assertEquals(List.of(), described(result.incidents()));
        assertEquals(7, result.events());
        assertEquals(List.of(), progress);
    }

    @Test
    void explicitFormatReadsAFileAsSyslog() throws IOException {
        Path p = copy("samba-one-failure.syslog");
        List<Event> events = new ArrayList<>();
        new Replay(LIBRARY, s -> { }).stream(List.of(new ReplayInput(p, InputFormat.SYSLOG, null, null, null,
                ZoneOffset.UTC)), new Replay.Options(null, null), events::add);

        assertEquals(6, events.size());
        Event first = events.get(0);
        assertEquals(Source.JOURNALD, first.source());
        assertEquals("samba-ad-dc.service", first.unit());
        assertEquals(Instant.parse("2026-09-27T16:30:18Z"), first.ts());
        assertEquals("iserv", first.host());
    }

    @Test
    void dmesgWithWallClockStampsReplaysWithoutABootTime() throws IOException {
        List<Event> events = new ArrayList<>();
        new Replay(LIBRARY, s -> { }).stream(List.of(utc(copy("dmesg-T.txt"))), new Replay.Options(null, null),
                events::add);

        assertEquals(3, events.size());
        assertEquals(Instant.parse("2016-10-22T04:31:47Z"), events.get(1).ts());
        // systemd wrote these lines to the ring while journald was down: they are systemd's, about the unit they name
        assertEquals(Source.JOURNALD, events.get(1).source());
        assertEquals("systemd", events.get(1).identifier());
        assertEquals("systemd-journald.service", events.get(1).unit());
        assertEquals("Unit systemd-journald.service entered failed state.", events.get(1).message());
    }

    @Test
    void journalctlExportStartsWithItsOwnMarkerLine() throws IOException {
        Path export = dir.resolve("export.txt");
        Files.writeString(export, "-- Logs begin at Sun 2026-09-27 00:00:01 UTC, end at Sun 2026-09-27 18:00:00 UTC. --\n"
                + Files.readString(FIXTURES.resolve("samba-one-failure.syslog")) + "-- Reboot --\n");
        Files.setLastModifiedTime(export, FileTime.from(CHANGED));

        assertEquals(InputFormat.SYSLOG, InputFormat.detect(Files.readAllLines(export).get(1)));
        List<String> progress = new ArrayList<>();
        assertEquals(6, replay(progress, utc(export)).events());
        assertEquals(List.of(), progress, "journalctl's marker lines are not unreadable lines");
    }

    @Test
    void journalctlShortMonotonicIsSyslogTextWhoseStampsCountFromBoot() {
        // journalctl -o short-monotonic as pasted in systemd issues #30054 and #34250
        assertEquals(InputFormat.SYSLOG, InputFormat.detect("[   20.888224] localhost systemd[1]: Hostname set to <localhost>."));
        assertEquals(InputFormat.SYSLOG, InputFormat.detect("[    7.636966] LibreELEC kernel: Booting Linux on physical CPU 0x0"));
        // dmesg's own lines (the same issue #34250; util-linux dmesg) stay kernel text: no host before a tag
        assertEquals(InputFormat.DMESG, InputFormat.detect("[    0.000000] Booting Linux on physical CPU 0x0"));
        assertEquals(InputFormat.DMESG, InputFormat.detect("[    2.345678] systemd[1]: Detected architecture x86-64."));
        assertEquals(InputFormat.DMESG, InputFormat.detect("[    5.123456] usb 1-1: new high-speed USB device number 2 using xhci_hcd"));
        assertEquals(InputFormat.DMESG, InputFormat.detect("[    7.100000] EXT4-fs (sda1): mounted filesystem with ordered data mode."));
    }

    @Test
    void journalctlShortMonotonicGivesTheCrashLoopOnTheBootsClock() throws IOException {
        Path mono = copy("redis-crash-loop.short-monotonic");
        Instant boot = Instant.parse("2026-10-03T21:00:00Z");
        List<String> progress = new ArrayList<>();
        Replay.Result result = new Replay(LIBRARY, progress::add).run(List.of(utc(mono)), new Replay.Options(null, boot));

        assertEquals(List.of(
                "restart_burst SarvanTestMachine redis-server.service x5",
                "unit_failed SarvanTestMachine redis-server.service x6",
                "unit_start_limit SarvanTestMachine redis-server.service x1"), described(result.incidents()));
        assertEquals(28, result.events());
        assertEquals(List.of(), progress, "every line read");
        Incident burst = result.incidents().stream().filter(i -> i.type().equals("restart_burst")).findFirst().orElseThrow();
        assertTrue(burst.summary().startsWith("redis-server.service restarted 5 times since 2026-10-03T21:21:09"), burst.summary());
    }

    @Test
    void journalctlShortMonotonicWithoutABootTimeIsRefusedWithWhatToPass() throws IOException {
        Path mono = copy("redis-crash-loop.short-monotonic");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> replay(new ArrayList<>(), utc(mono)));
        assertTrue(e.getMessage().contains("--boot-time"), e.getMessage());
    }

    @Test
    void systemctlStatusPastedBeforeItsJournalLinesGivesTheirIncidentsInTheStatusYear() throws IOException {
        // another unit's real status block first (sonic-net/sonic-utilities pull request 2020): an unaligned
        // TriggeredBy:, a Docs: list and a CGroup tree are all the block's
        String rsyslog = """
                ● rsyslog.service - System Logging Service
                     Loaded: loaded (/lib/systemd/system/rsyslog.service; enabled; vendor preset: enabled)
                     Active: active (running) since Tue 2022-01-18 20:51:23 UTC; 8min ago
                TriggeredBy: ● syslog.socket
                       Docs: man:rsyslogd(8)
                             man:rsyslog.conf(5)
                             https://www.rsyslog.com/doc/
                   Main PID: 285098 (rsyslogd)
                      Tasks: 5 (limit: 3303)
                     Memory: 1.5M
                     CGroup: /system.slice/rsyslog.service
                             └─285098 /usr/sbin/rsyslogd -n

                """;
        Path pasted = dir.resolve("status.txt");
        Files.writeString(pasted, rsyslog + Files.readString(FIXTURES.resolve("optimus-manager.systemctl-status")));
        Files.setLastModifiedTime(pasted, FileTime.from(CHANGED));
        List<String> progress = new ArrayList<>();

        Replay.Result result = replay(progress, utc(pasted));

        assertEquals(List.of("unit_start_limit kuroni optimus-manager.service x1"), described(result.incidents()));
        assertEquals(6, result.events());
        assertEquals(List.of(), progress, "the status blocks are not unreadable lines");
        assertEquals(Instant.parse("2018-11-17T22:09:12Z"), result.incidents().get(0).firstSeen(),
                "the year is the status block's, not the file's");
    }

    @Test
    void aStatusBlockWhoseDotWasLostInThePasteIsStillTheBlock() throws IOException {
        // freswa/dovecot-xaps-daemon issue 40 (Sep 2024): the header as pasted, without '● '
        String status = """
                xapsd.service - Apple Push Notification Service
                     Loaded: loaded (/etc/systemd/system/xapsd.service; enabled; vendor preset: enabled)
                     Active: failed (Result: exit-code) since Mon 2024-09-16 14:01:23 CST; 26min ago
                    Process: 611 ExecStart=/usr/bin/xapsd (code=exited, status=1/FAILURE)
                   Main PID: 611 (code=exited, status=1/FAILURE)
                        CPU: 628ms

                Sep 16 14:01:23 server systemd[1]: xapsd.service: Start request repeated too quickly.
                """;
        Path pasted = dir.resolve("status.txt");
        Files.writeString(pasted, status);
        Files.setLastModifiedTime(pasted, FileTime.from(CHANGED));
        List<String> progress = new ArrayList<>();

        Replay.Result result = replay(progress, utc(pasted));

        assertEquals(List.of("unit_start_limit server xapsd.service x1"), described(result.incidents()));
        assertEquals(List.of(), progress, "the status block is not unreadable lines");
        assertEquals(Instant.parse("2024-09-16T14:01:23Z"), result.incidents().get(0).firstSeen(),
                "the year is the status block's");
    }

    @Test
    void journalctlsHeaderGivesTheYearOfItsLines() throws IOException {
        // fjudith/katacoda-scenarios hyperledger-sawtooth-install/a3_generate-keys/step3.md: journalctl of systemd < 246
        // names the journal's first and last entry; 246-249 say "Journal begins at …, ends at …"; a pager cuts the line
        String sawtooth = """
                Sep 03 22:43:19 chsa-a3-00 systemd[1]: Started Sawtooth Validator Server.
                Sep 03 22:43:19 chsa-a3-00 systemd[1]: Started Sawtooth TP Settings.
                """;
        for (String header : List.of(
                "-- Logs begin at Thu 2020-09-03 22:40:22 UTC, end at Thu 2020-09-03 22:43:39 UTC. --",
                "-- Journal begins at Thu 2020-09-03 22:40:22 UTC, ends at Thu 2020-09-03 22:43:39 UTC. --",
                "-- Logs begin at Thu 2020-09-03 22:40:22 UTC, end at Thu 2020-09-03 22:43:3>")) {
            Path pasted = dir.resolve("journalctl.txt");
            Files.writeString(pasted, header + "\n" + sawtooth);
            Files.setLastModifiedTime(pasted, FileTime.from(CHANGED));
            List<Event> events = new ArrayList<>();
            List<String> progress = new ArrayList<>();

            new Replay(LIBRARY, progress::add).stream(List.of(utc(pasted)), new Replay.Options(null, null), events::add);

            assertEquals(List.of(Instant.parse("2020-09-03T22:43:19Z"), Instant.parse("2020-09-03T22:43:19Z")),
                    events.stream().filter(e -> e.source() != Source.SHIPPER).map(Event::ts).toList(), header);
            assertEquals(List.of(), progress, "the header is no unreadable line: " + header);
        }
    }

    @Test
    void systemdsLinesTheJournalReadFromTheKernelRingAreSystemdsNotTheKernels() throws IOException {
        // dmesg-T.txt's systemd line as journald keeps a line it reads from /dev/kmsg (_TRANSPORT=kernel), with the
        // facility systemd wrote it under (daemon, 3); beside it a kernel line of crash-loop-and-oom (facility 0)
        Path journal = dir.resolve("boot.json");
        Files.writeString(journal, """
                {"__CURSOR":"s=1;i=1","__REALTIME_TIMESTAMP":"1477110707000000","_BOOT_ID":"b1","_HOSTNAME":"h1","_TRANSPORT":"kernel","SYSLOG_FACILITY":"3","SYSLOG_IDENTIFIER":"systemd","_PID":"1","PRIORITY":"5","MESSAGE":"Unit systemd-journald.service entered failed state."}
                {"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1477110708000000","_BOOT_ID":"b1","_HOSTNAME":"h1","_TRANSPORT":"kernel","SYSLOG_FACILITY":"0","SYSLOG_IDENTIFIER":"kernel","PRIORITY":"3","MESSAGE":"Out of memory: Killed process 2475067 (postgres) total-vm:2484556kB, anon-rss:143224kB, file-rss:0kB, shmem-rss:452kB, UID:1011 pgtables:588kB oom_score_adj:900"}
                """);
        List<Event> events = new ArrayList<>();
        new Replay(LIBRARY, s -> { }).stream(List.of(utc(journal)), new Replay.Options(null, null), events::add);

        assertEquals(List.of(Source.JOURNALD, Source.KERNEL), events.stream().map(Event::source).toList());
        assertEquals("systemd", events.get(0).identifier());
    }
}
