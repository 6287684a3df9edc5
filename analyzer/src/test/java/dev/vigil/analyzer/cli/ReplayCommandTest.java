package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil replay} on a syslog file: detected by itself, or named with --format; --zone for its local stamps. */
class ReplayCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir Path dir;

    private int execute(String... args) {
        CommandLine cmd = VigilCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path syslog() throws Exception {
        Path p = Files.copy(Path.of("src/test/resources/replay/syslog/crash-loop-and-oom.syslog"), dir.resolve("syslog"));
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
        return p;
    }

    private List<Incident> incidents() {
        return Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank())
                .map(l -> IncidentJson.parse(l.getBytes(StandardCharsets.UTF_8))).toList();
    }

    @Test
    void shouldReplayASyslogFileInTheGivenZone() throws Exception {
        int code = execute("replay", "--zone", "Europe/Berlin", syslog().toString());

        assertEquals(0, code, err.toString());
        Incident burst = incidents().stream().filter(i -> i.type().equals("restart_burst")).findFirst().orElseThrow();
        assertTrue(burst.summary().contains("since 2026-10-03T19:21:09Z"), "21:21:09 CEST: " + burst.summary());
        assertTrue(err.toString().contains("vigil: replayed 30 events from 1 file(s): 5 incident(s)"), err.toString());
    }

    @Test
    void shouldReadTheFileAsTheNamedFormat() throws Exception {
        int code = execute("replay", "--format", "text", syslog().toString());

        assertEquals(0, code, err.toString());
        assertEquals(List.of(), incidents().stream().filter(i -> !i.type().equals("log_truncation")).toList(),
                "as an app log, its lines are no systemd or kernel events");
    }

    @Test
    void shouldRejectAnUnknownFormat() throws Exception {
        int code = execute("replay", "--format", "rfc3164", syslog().toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown format 'rfc3164', expected journal-json, event-json, kmsg, dmesg, syslog, text, cri or docker-json"),
                err.toString());
    }

    @Test
    void shouldRefuseUserPatternsWithEveryProblemOfTheirFilesAsTheLinterSeesThem() throws Exception {
        // the library is loaded without its lint and tests; the user's files keep both: a test's
        // missing lines file is an error, and the warnings of the file are shown beside its errors
        Path mine = Files.writeString(dir.resolve("mine.vigil"), """
                pattern mine_panic {
                  description "a panic line in the app log"
                  match file where message ~ /.*panic: (?P<what>.+)/
                  type app_panic
                  summary "panic: {what}"
                  test "two panics" {
                    at 0s file file="/var/log/app.log" lines from "panics.log" every 1s
                    expect app_panic
                  }
                }

                pattern mine_bad {
                  match file where mesage contains "x"
                  type t
                  summary "s"
                }

                pattern mine_slow {
                  match file where message ~ /.*timed out/
                  type app_timeout
                  summary "timed out"
                  test "one timeout" {
                    at 0s file file="/var/log/app.log" "request timed out"
                    expect app_timeout
                  }
                }
                """);

        int code = execute("replay", "--patterns", mine.toString(), syslog().toString());

        assertEquals(1, code);
        assertEquals("", out.toString());
        assertEquals("vigil: error: pattern files have errors:\n"
                + mine + ":7:51: error[unreadable-file]: cannot read test lines from \"panics.log\": no such file\n"
                + "      at 0s file file=\"/var/log/app.log\" lines from \"panics.log\" every 1s\n"
                + "                                                    ^\n"
                + "  hint: the path is relative to the pattern file\n"
                + mine + ":13:20: error[unknown-field]: unknown field 'mesage'\n"
                + "    match file where mesage contains \"x\"\n"
                + "                     ^\n"
                + "  hint: did you mean 'message'?\n"
                + mine + ":19:30: warning[expensive-regex]: regex /.*timed out/ starts with '.*', so it is tried "
                + "from every position of every line\n"
                + "    match file where message ~ /.*timed out/\n"
                + "                               ^\n"
                + "  hint: drop the leading '.*': a regex matches anywhere in the field unless anchored with '^'\n"
                + "\n", err.toString());
    }

    @Test
    void shouldReplayAGzippedFileAsItsText() throws Exception {
        // logrotate's default: a rotated log compressed with gzip (its name says nothing: compressext)
        Path gz = dir.resolve("syslog.1");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(syslog()));
        }

        int code = execute("replay", "--zone", "Europe/Berlin", gz.toString());

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("vigil: replayed 30 events from 1 file(s): 5 incident(s)"), err.toString());
    }

    @Test
    void shouldReplayAJournalPrintedWithoutHostNames() throws Exception {
        // journalctl --no-hostname, as pasted in nefelim4ag/Ananicy pull request 161 (Jun 2019): the file's
        // first line has no host, which stopped the replay with a NullPointerException
        Path file = Files.writeString(dir.resolve("ananicy.txt"),
                "Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too quickly.\n");

        int code = execute("replay", "--zone", "UTC", file.toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("\"pattern\":\"systemd_start_limit_hit\""), out.toString());
        assertTrue(out.toString().contains("\"subject\":\"ananicy.service\""), out.toString());
    }

    @Test
    void shouldReadTheKernelsLinesOfASyslogWrittenWithoutHostNames() throws Exception {
        // github.com/steemit/hivemind issue 31 (Oct 2017): the container's and the kernel's lines, no host in either
        Path file = Files.writeString(dir.resolve("syslog"), String.join("\n",
                "Oct 11 08:14:11 docker/cd60a907a168[7347]: [INIT] Found 15034490 missing post cache entries",
                "Oct 11 08:14:56 kernel: [1692646.139464] device-mapper: thin: 253:2: switching pool to out-of-data-space "
                        + "(error IO) mode",
                "Oct 11 08:14:56 kernel: [1692646.150472] Buffer I/O error on device dm-4, logical block 2519552") + "\n");

        int code = execute("replay", "--zone", "UTC", file.toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("\"pattern\":\"kernel_thin_pool_out_of_space\""), out.toString());
        assertTrue(out.toString().contains("\"subject\":\"thin pool 253:2\""), out.toString());
    }

    @Test
    void shouldLeaveOutABinaryFileAndReplayTheOthers() throws Exception {
        // `vigil replay /var/log/*` names wtmp, btmp and lastlog too: read as text, a binary file's last
        // "line" ends without a newline and became a log_truncation incident. A class file is binary data
        // every checkout has.
        Path binary = Files.copy(Path.of("target/test-classes/dev/vigil/analyzer/cli/ReplayCommandTest.class"), dir.resolve("wtmp"));
        // a log whose start is a hole of NUL bytes (copytruncate while its writer kept its offset) is text
        Path holed = dir.resolve("holed.syslog");
        Files.write(holed, new byte[8192]);
        Files.write(holed, Files.readAllBytes(syslog()), java.nio.file.StandardOpenOption.APPEND);

        int code = execute("replay", "--zone", "Europe/Berlin", binary.toString(), holed.toString());

        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(binary + " holds binary data"), err.toString());
        assertFalse(out.toString().contains("log_truncation"), out.toString());
        assertTrue(err.toString().contains("replayed 30 events from 1 of 2 file(s), 1 refused (above): 5 incident(s)"),
                err.toString());
    }

    private byte[] gzippedSyslog() throws Exception {
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(whole)) {
            gz.write(Files.readAllBytes(syslog()));
        }
        return whole.toByteArray();
    }

    @Test
    void shouldReplayTheTextOfAGzipFileCutShortAndSaySo() throws Exception {
        byte[] bytes = gzippedSyslog();
        Path cut = Files.write(dir.resolve("syslog.2.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 200));

        int code = execute("replay", "--zone", "Europe/Berlin", cut.toString());

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("the gzip stream ends early (Unexpected end of ZLIB input stream); read up to there"),
                err.toString());
        long events = Long.parseLong(err.toString().replaceAll("(?s).*vigil: replayed (\\d+) events.*", "$1"));
        assertTrue(events > 0 && events < 30, "the lines before the cut: " + err);
    }

    @Test
    void shouldSayPlainlyThatAGzipFileCutInItsTrailerEndsEarly() throws Exception {
        byte[] bytes = gzippedSyslog();
        // the text whole, its checksum and length (the last 8 bytes) cut: the exception has no message
        Path cut = Files.write(dir.resolve("syslog.3.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 4));

        int code = execute("replay", "--zone", "Europe/Berlin", cut.toString());

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("the gzip stream ends early; read up to there"), err.toString());
        assertFalse(err.toString().contains("null"), err.toString());
        assertTrue(err.toString().contains("vigil: replayed 30 events"), err.toString());
    }

    @Test
    void shouldReplayAFileThatStartsWithAUtf8ByteOrderMark() throws Exception {
        // a log copied through a Windows tool: the mark hid the format of the first line
        Path marked = dir.resolve("syslog.bom");
        Files.write(marked, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        Files.write(marked, Files.readAllBytes(syslog()), java.nio.file.StandardOpenOption.APPEND);

        int code = execute("replay", "--zone", "Europe/Berlin", marked.toString());

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("vigil: replayed 30 events from 1 file(s): 5 incident(s)"), err.toString());
    }

    @Test
    void shouldReplayStandardInputAsAFileNamedStdin() throws Exception {
        byte[] log = Files.readAllBytes(syslog());
        CommandLine cmd = new CommandLine(new ReplayCommand(new java.io.ByteArrayInputStream(log)));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));

        int code = cmd.execute("--zone", "Europe/Berlin", "-");

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("vigil: replayed 30 events from 1 file(s): 5 incident(s)"), err.toString());
    }

    @Test
    void shouldReplayWhatAPipeGivesThoughItIsReadMoreThanOnce() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        byte[] log = Files.readAllBytes(syslog());
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, log);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();

        int code = execute("replay", "--zone", "Europe/Berlin", fifo.toString());
        writer.join(10_000);

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("vigil: replayed 30 events from 1 file(s): 5 incident(s)"), err.toString());
    }

    @Test
    void shouldRefuseWhatItCannotReadSayingWhatToDoInstead() throws Exception {
        Path zst = Files.write(dir.resolve("app.log.2.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x04, 0x58});

        assertEquals(2, execute("replay", dir.toString()));
        assertEquals(2, execute("replay", dir.resolve("missing.log").toString()));
        assertEquals(2, execute("replay", zst.toString()));
        Path utf16 = Files.write(dir.resolve("app.log"), "\uFEFFstarted\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(2, execute("replay", utf16.toString()));

        assertEquals("vigil: error: " + dir + " is a folder; name the log files in it (e.g. " + dir + "/*.log)\n"
                + "vigil: error: cannot read " + dir + "/missing.log: no such file\n"
                + "vigil: error: " + zst + " is compressed with zstd; replay reads plain and gzip files: zstd -dc " + zst
                + " | vigil replay -\n"
                + "vigil: error: " + utf16 + " is UTF-16 text; replay reads UTF-8: iconv -f UTF-16 -t UTF-8 " + utf16
                + " | vigil replay -\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void shouldReplayTheReadableFilesWhenOthersAreRefusedAndExitWithTwo() throws Exception {
        Path missing = dir.resolve("missing.log");
        Path zst = Files.write(dir.resolve("app.log.2.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0x04, 0x58});

        int code = execute("replay", "--zone", "Europe/Berlin", missing.toString(), syslog().toString(), zst.toString());

        assertEquals(2, code, "some inputs were not read");
        assertEquals(5, incidents().size(), "the readable file's incidents, as when it is replayed alone: " + out);
        assertTrue(err.toString().startsWith("vigil: error: cannot read " + missing + ": no such file\n"
                + "vigil: error: " + zst + " is compressed with zstd; replay reads plain and gzip files: zstd -dc " + zst
                + " | vigil replay -\n"), err.toString());
        assertTrue(err.toString().endsWith("vigil: replayed 30 events from 1 of 3 file(s), 2 refused (above): 5 incident(s)\n"),
                err.toString());
    }

    @Test
    void shouldReplayASystemdJournalFileAFolderOfThemTheirExportAndVerboseTextAsTheirJson() throws Exception {
        dev.vigil.shippers.journald.JournalExportFile.assumeToolsInstalled();
        Path json = Path.of("src/test/resources/replay/syslog/crash-loop-and-oom.journal.json");
        // the same real entries, written by systemd-journal-remote into a real journal file
        var export = new dev.vigil.shippers.journald.JournalExportFile();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(json)) {
            mapper.readTree(line).fields().forEachRemaining(f -> {
                if (!f.getKey().equals("__CURSOR")) {
                    export.field(f.getKey(), f.getValue().asText());
                }
            });
            export.endEntry();
        }
        Path folder = Files.createDirectories(dir.resolve("journal/9b1f0c6ad4e84f7d8a1c2e3f4a5b6c7d"));
        Path journal = export.writeJournal(folder.resolve("system.journal"));
        Files.delete(folder.resolve("system.journal.export"));
        // and the journal export format, as journalctl writes it (systemd-journal-remote's input)
        Path exported = dir.resolve("journal.export");
        Process p = new ProcessBuilder(dev.vigil.shippers.journald.JournalExportFile.JOURNALCTL.toString(), "--file=" + journal,
                "-o", "export").redirectOutput(exported.toFile()).start();
        assertEquals(0, p.waitFor());
        // and journalctl -o verbose, its text form with every field
        Path verbose = dir.resolve("journal.verbose");
        p = new ProcessBuilder(dev.vigil.shippers.journald.JournalExportFile.JOURNALCTL.toString(), "--file=" + journal,
                "-o", "verbose").redirectOutput(verbose.toFile()).start();
        assertEquals(0, p.waitFor());

        List<String> expected = assertSameReplay(json, journal, folder, exported, verbose);
        assertTrue(expected.size() >= 3, "the entries make incidents: " + expected);
    }

    private static List<String> shapes(List<Incident> incidents) {
        return incidents.stream().map(i -> i.type() + " " + i.subject() + " " + i.status() + " x" + i.count()).sorted().toList();
    }

    @Test
    void shouldReplayJournalJsonInEveryShapeJournalctlAndJqWriteIt() throws Exception {
        Path json = Path.of("src/test/resources/replay/syslog/crash-loop-and-oom.journal.json");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> entries = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(json)) {
            entries.add(mapper.readTree(line));
        }
        StringBuilder pretty = new StringBuilder();
        StringBuilder seq = new StringBuilder();
        for (var e : entries) {
            pretty.append(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(e)).append('\n');
            seq.append('\u001e').append(mapper.writeValueAsString(e)).append('\n');
        }
        Path prettyFile = Files.writeString(dir.resolve("pretty.json"), pretty);
        Path seqFile = Files.writeString(dir.resolve("seq.json"), seq);
        Path arrayFile = Files.writeString(dir.resolve("array.json"), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(entries));

        assertSameReplay(json, prettyFile, seqFile, arrayFile);
    }

    /** Replays {@code reference}, then each of {@code inputs}: the same incidents and the same summary line; the incidents' shapes. */
    private List<String> assertSameReplay(Path reference, Path... inputs) {
        assertEquals(0, execute("replay", reference.toString()), err.toString());
        List<String> expected = shapes(incidents());
        String summary = err.toString();
        for (Path input : inputs) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);

            assertEquals(0, execute("replay", input.toString()), err.toString());

            assertEquals(expected, shapes(incidents()), input.toString());
            assertEquals(summary, err.toString(), input.toString());
        }
        return expected;
    }

    @Test
    void shouldReplayTheRecordsOfAJsonDumpCutShortAndSayWhereItStopped() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder pretty = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("src/test/resources/replay/syslog/crash-loop-and-oom.journal.json"))) {
            pretty.append(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(line))).append('\n');
        }
        Path cut = Files.writeString(dir.resolve("cut.json"), pretty.substring(0, pretty.length() / 2));

        assertEquals(0, execute("replay", cut.toString()), err.toString());

        assertTrue(err.toString().matches("(?s)vigil: " + java.util.regex.Pattern.quote(cut.toString())
                + " is not valid JSON at line \\d+, column \\d+ \\(.*\\); the \\d+ records before it are replayed\n.*"), err.toString());
        assertTrue(err.toString().contains("vigil: replayed 1"), "about half of the 30 records: " + err);
    }

    @Test
    void shouldReadAnAppLogWhoseLinesStartWithABracketAsText() throws Exception {
        // PHP and many others: "[2026-…] level: message"; not a JSON array
        Path log = Files.writeString(dir.resolve("app.log"), "[2026-12-03 10:00:00] production.ERROR: Connection refused\n"
                + "[2026-12-03 10:00:01] production.INFO: retrying\n");

        assertEquals(0, execute("replay", log.toString()), err.toString());
        assertTrue(err.toString().contains("vigil: replayed 2 events from 1 file(s)"), err.toString());
    }

    @Test
    void shouldReplayDmesgOutputInEachTimeFormatAndWithDecodedLevels() throws Exception {
        Path dmesg = Path.of("src/test/resources/replay/syslog");
        // the plain output's stamps are seconds since boot: 50539.808850 s before 17:43:52.808850
        assertEquals(0, execute("replay", "--boot-time", "2026-12-03T03:41:33Z", dmesg.resolve("dmesg-oom.txt").toString()),
                err.toString());
        List<String> expected = shapes(incidents());
        String replayed = err.toString();
        assertEquals(List.of("oom_kill vigil-oom-hog FIRING x2"), expected);
        assertTrue(replayed.endsWith("vigil: replayed 80 events from 1 file(s): 1 incident(s)\n"), replayed);
        for (String[] run : List.of(new String[] {"--boot-time", "2026-12-03T03:41:33Z", "dmesg-x-oom.txt"},
                new String[] {"--zone", "UTC", "dmesg-iso-oom.txt"})) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);

            assertEquals(0, execute("replay", run[0], run[1], dmesg.resolve(run[2]).toString()), err.toString());

            assertEquals(expected, shapes(incidents()), run[2]);
            assertEquals(replayed, err.toString(), run[2]);
        }
    }
}
