package dev.vigil.analyzer.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the scenario inputs in {@code scenarios/} on their own, without an analyzer: every file
 * has the exact shape the real tool gives it (journalctl -o json, /dev/kmsg, dmesg), the clocks
 * and cursors add up, and every {@code expected.json} is well formed.
 */
class ScenarioFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INCIDENT_TYPES =
            Set.of("restart_burst", "oom_kill", "error_signature", "log_truncation");
    private static final Set<String> INPUT_FORMATS = Set.of("journal-json", "kmsg", "dmesg", "text");
    private static final List<String> JOURNAL_REQUIRED = List.of("__CURSOR", "__REALTIME_TIMESTAMP",
            "__MONOTONIC_TIMESTAMP", "_BOOT_ID", "_MACHINE_ID", "_HOSTNAME", "_TRANSPORT", "PRIORITY",
            "SYSLOG_IDENTIFIER", "MESSAGE");
    // s=<seqnum id>;i=<seqnum>;b=<boot id>;m=<monotonic>;t=<realtime>;x=<xor hash>, all hex
    private static final Pattern CURSOR = Pattern.compile(
            "s=([0-9a-f]{32});i=([0-9a-f]+);b=([0-9a-f]{32});m=([0-9a-f]+);t=([0-9a-f]+);x=([0-9a-f]{16})");
    private static final Pattern ID128 = Pattern.compile("[0-9a-f]{32}");
    // Documentation/ABI/testing/dev-kmsg: "<prio>,<seq>,<ts usec>,<flags>[,...];<message>"
    private static final Pattern KMSG_RECORD = Pattern.compile("(\\d+),(\\d+),(\\d+),([-c+]+)(,[^;]*)?;(.*)");
    private static final Pattern KMSG_PROPERTY = Pattern.compile(" ([A-Z_]+)=(.*)");
    private static final Pattern DMESG_LINE = Pattern.compile("\\[ *(\\d+)\\.(\\d{6})\\] (.*)");
    /** journald stamps realtime and monotonic at the same moment; NTP slews them apart by far less. */
    private static final long CLOCK_SKEW_TOLERANCE_USEC = 2_000_000;

    private static Path scenarios;
    private static List<Path> scenarioDirs;

    @BeforeAll
    static void locateScenarios() {
        scenarios = Scenarios.root();
        scenarioDirs = Scenarios.all();
    }

    @Test
    void shouldHaveTheFourSeedsAndNegativeControls() {
        List<String> names = scenarioDirs.stream().map(d -> d.getFileName().toString()).toList();
        for (String prefix : List.of("000-", "001-", "002-", "004-", "100-", "101-", "102-", "103-")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)), "no scenario " + prefix + "* in " + names);
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldDescribeEachScenarioInAWellFormedExpectedJson() {
        return scenarioDirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> checkExpected(dir, readJson(dir.resolve("expected.json")))));
    }

    @TestFactory
    Stream<DynamicTest> shouldWriteJournalLinesAsJournalctlJsonDoes() {
        return inputsOfFormat("journal-json").map(input -> DynamicTest.dynamicTest(name(input),
                () -> checkJournal(input)));
    }

    @TestFactory
    Stream<DynamicTest> shouldWriteKmsgRecordsAsDevKmsgDoes() {
        return inputsOfFormat("kmsg").map(input -> DynamicTest.dynamicTest(name(input), () -> {
            List<KmsgRecord> records = readKmsg(input);
            assertFalse(records.isEmpty(), "no records in " + input);
            assertKernelRecordsAreInTheJournal(input.getParent(), records);
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldWriteDmesgLinesAsDmesgDoes() {
        return inputsOfFormat("dmesg").map(input -> DynamicTest.dynamicTest(name(input), () -> {
            List<KmsgRecord> records = readDmesg(input);
            assertFalse(records.isEmpty(), "no records in " + input);
            assertKernelRecordsAreInTheJournal(input.getParent(), records);
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldEndTextLogsWithNewlineUnlessTheWriterWasKilledMidLine() {
        return scenarioDirs.stream().flatMap(dir -> {
            JsonNode expected = readJson(dir.resolve("expected.json"));
            boolean midLine = expected.path("facts").path("log_ends_mid_line").asBoolean(false);
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode input : expected.get("inputs")) {
                if (!"text".equals(input.get("format").asText())) {
                    continue;
                }
                Path file = dir.resolve(input.get("path").asText());
                tests.add(DynamicTest.dynamicTest(name(file), () -> {
                    byte[] bytes = Files.readAllBytes(file);
                    assertTrue(bytes.length > 0, "empty " + file);
                    boolean endsWithNewline = bytes[bytes.length - 1] == '\n';
                    assertEquals(!midLine, endsWithNewline, file + (midLine
                            ? " must end mid-line: the writer was SIGKILLed with output still buffered"
                            : " must end with a newline"));
                }));
            }
            return tests.stream();
        });
    }

    @Test
    void shouldRepeatTheAsyncpgTracebackBeforeEveryRestartInTheCrashLoop() {
        Path dir = scenario("000-");
        List<JsonNode> journal = readJournal(dir.resolve("journal.json"));
        List<Long> counters = new ArrayList<>();
        int tracebacks = 0;
        for (JsonNode e : journal) {
            String message = e.get("MESSAGE").asText();
            if ("rivet-worker.service".equals(e.path("_SYSTEMD_UNIT").asText())
                    && message.equals("ModuleNotFoundError: No module named 'asyncpg'")) {
                tracebacks++;
            }
            if ("5eb03494b6584870a536b337290809b3".equals(e.path("MESSAGE_ID").asText())
                    && "rivet-worker.service".equals(e.path("UNIT").asText())) {
                assertEquals("init.scope", e.get("_SYSTEMD_UNIT").asText(), "systemd speaks from init.scope");
                assertEquals("rivet-worker.service: Scheduled restart job, restart counter is at "
                        + e.get("N_RESTARTS").asText() + ".", message);
                counters.add(e.get("N_RESTARTS").asLong());
            }
        }
        for (int i = 0; i < counters.size(); i++) {
            assertEquals(i + 1, counters.get(i), "restart counters count up from 1 without gaps");
        }
        JsonNode must = readJson(dir.resolve("expected.json")).get("must").get(0);
        assertTrue(counters.size() >= must.get("count_min").asLong() && counters.size() <= must.get("count_max").asLong(),
                counters.size() + " restarts outside the expected count range " + must);
        assertEquals(counters.size() + 1, tracebacks, "every run, the first and each restart, ends on the error");
    }

    @Test
    void shouldEndTheUvicornLogMidQueryAt214147BeforeTheOomKillOfItsPid() throws IOException {
        Path dir = scenario("001-");
        String log = Files.readString(dir.resolve("backend.log"), StandardCharsets.UTF_8);
        assertTrue(log.startsWith("INFO:     Started server process [632846]\n"), "uvicorn names its pid first");
        String lastLine = log.substring(log.lastIndexOf('\n') + 1);
        assertTrue(lastLine.startsWith("2026-02-08 21:41:47,"), "last, cut line: " + lastLine);
        List<KmsgRecord> kmsg = readKmsg(dir.resolve("kmsg.txt"));
        assertTrue(kmsg.stream().anyMatch(r -> r.priority() == 3 && r.message().startsWith(
                        "Out of memory: Killed process 632846 (uvicorn) total-vm:")),
                "kmsg has the kill of pid 632846");
        assertTrue(kmsg.stream().anyMatch(r -> r.message().matches(
                        "oom-kill:constraint=CONSTRAINT_NONE,.*,global_oom,task_memcg=/user\\.slice/.*,task=uvicorn,"
                                + "pid=632846,uid=1000")),
                "kmsg has the oom-kill summary line");
        assertTrue(kmsg.stream().anyMatch(r -> r.message().startsWith("python3 invoked oom-killer: gfp_mask=0x140cca")),
                "kmsg has the invoker line");
    }

    @Test
    void shouldKeepTheSeedsAssignerErrorLinesVerbatim() throws IOException {
        List<String> lines = Files.readAllLines(scenario("002-").resolve("assigner_worker.log"));
        for (String seedLine : List.of(
                "2026-02-08 09:04:45 ERROR Failed to get environment info: Expecting value: line 1 column 1 (char 0)",
                "2026-02-08 09:04:45 ERROR Failed to create environment: ValueError: Environment "
                        + "'reading-ui-improvement' already exists",
                "2026-02-08 09:37:12 ERROR Failed to create environment: RuntimeError: No available ports for new "
                        + "environment",
                "2026-02-08 10:05:25 ERROR Failed to create environment: RuntimeError: No available ports for new "
                        + "environment")) {
            assertTrue(lines.contains(seedLine), "missing seed line: " + seedLine);
        }
    }

    @Test
    void shouldHaveTheKernelKillEachNohupRunThatStops() throws IOException {
        Path dir = scenario("004-");
        JsonNode expected = readJson(dir.resolve("expected.json"));
        List<KmsgRecord> dmesg = readDmesg(dir.resolve("dmesg.txt"));
        for (JsonNode run : expected.get("facts").get("runs")) {
            String killLine = "Out of memory: Killed process " + run.get("pid").asText() + " (python3)";
            boolean killed = dmesg.stream().anyMatch(r -> r.message().startsWith(killLine));
            assertEquals(!run.get("oom_kill").isNull(), killed, "run " + run);
        }
    }

    @Test
    void shouldMatchWhatTheGeneratorWrites(@TempDir Path out) throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed: cannot regenerate the scenarios");
        Process p = new ProcessBuilder("python3", scenarios.resolve("generate.py").toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "generate.py did not finish within 2 minutes");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "generate.py failed:\n" + output);
        for (Path dir : scenarioDirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    Path regenerated = out.resolve(dir.getFileName()).resolve(file.getFileName());
                    assertTrue(Files.exists(regenerated), "generate.py no longer writes " + file);
                    assertEquals(-1L, Files.mismatch(file, regenerated),
                            file + " differs from what generate.py writes: run `python3 scenarios/generate.py`");
                }
            }
        }
    }

    // ---- journal -----------------------------------------------------------------------------

    private static void checkJournal(Path input) {
        List<JsonNode> entries = readJournal(input);
        assertFalse(entries.isEmpty(), "empty journal " + input);
        Set<String> cursors = new HashSet<>();
        Map<String, Long> bootOffset = new HashMap<>();
        long lastSeqnum = -1;
        long lastRealtime = Long.MIN_VALUE;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = input.getFileName() + ":" + (i + 1);
            checkJournalFields(e, where);
            String cursor = e.get("__CURSOR").asText();
            assertTrue(cursors.add(cursor), where + ": duplicate cursor " + cursor);
            Matcher c = CURSOR.matcher(cursor);
            assertTrue(c.matches(), where + ": cursor not in journald's shape: " + cursor);
            long seqnum = Long.parseLong(c.group(2), 16);
            long realtime = Long.parseLong(e.get("__REALTIME_TIMESTAMP").asText());
            long monotonic = Long.parseLong(e.get("__MONOTONIC_TIMESTAMP").asText());
            assertTrue(seqnum > lastSeqnum, where + ": cursor seqnum " + seqnum + " not after " + lastSeqnum);
            assertTrue(realtime >= lastRealtime, where + ": realtime goes backwards");
            assertEquals(e.get("_BOOT_ID").asText(), c.group(3), where + ": cursor b= is not _BOOT_ID");
            assertEquals(monotonic, Long.parseLong(c.group(4), 16), where + ": cursor m= is not the monotonic time");
            assertEquals(realtime, Long.parseLong(c.group(5), 16), where + ": cursor t= is not the realtime");
            long offset = realtime - monotonic;
            long bootTime = bootOffset.computeIfAbsent(e.get("_BOOT_ID").asText(), b -> offset);
            assertTrue(Math.abs(offset - bootTime) < CLOCK_SKEW_TOLERANCE_USEC,
                    where + ": realtime-monotonic drifts by " + (offset - bootTime) + " us within one boot");
            lastSeqnum = seqnum;
            lastRealtime = realtime;
        }
    }

    private static void checkJournalFields(JsonNode e, String where) {
        assertTrue(e.isObject(), where + ": not a JSON object");
        e.properties().forEach(f -> assertTrue(f.getValue().isTextual(),
                where + ": " + f.getKey() + " is not a string, journalctl prints every value as one"));
        for (String field : JOURNAL_REQUIRED) {
            assertNotNull(e.get(field), where + ": missing " + field);
        }
        assertTrue(ID128.matcher(e.get("_BOOT_ID").asText()).matches(), where + ": _BOOT_ID is not an id128");
        assertTrue(ID128.matcher(e.get("_MACHINE_ID").asText()).matches(), where + ": _MACHINE_ID is not an id128");
        int priority = Integer.parseInt(e.get("PRIORITY").asText());
        assertTrue(priority >= 0 && priority <= 7, where + ": PRIORITY " + priority);
        String transport = e.get("_TRANSPORT").asText();
        if (transport.equals("kernel")) {
            assertEquals("kernel", e.get("SYSLOG_IDENTIFIER").asText(), where);
            assertNotNull(e.get("_SOURCE_MONOTONIC_TIMESTAMP"), where + ": kernel entry without source timestamp");
            assertTrue(e.get("_PID") == null, where + ": kernel entries have no _PID");
            return;
        }
        assertTrue(Set.of("journal", "stdout", "syslog").contains(transport), where + ": _TRANSPORT " + transport);
        assertNotNull(e.get("_PID"), where + ": missing _PID");
        assertNotNull(e.get("_SYSTEMD_UNIT"), where + ": missing _SYSTEMD_UNIT");
        assertNotNull(e.get("_SYSTEMD_CGROUP"), where + ": missing _SYSTEMD_CGROUP");
        if (e.has("UNIT")) {
            // systemd's messages about a unit come from PID 1 in init.scope, not from the unit
            assertEquals("init.scope", e.get("_SYSTEMD_UNIT").asText(), where);
            assertEquals("1", e.get("_PID").asText(), where);
            assertNotNull(e.get("MESSAGE_ID"), where + ": systemd unit message without MESSAGE_ID");
            assertNotNull(e.get("CODE_FILE"), where + ": systemd unit message without CODE_FILE");
        }
    }

    // ---- kernel ------------------------------------------------------------------------------

    /** One kernel log record, from /dev/kmsg or dmesg. */
    private record KmsgRecord(int priority, long seq, long tsUsec, String message, Map<String, String> properties) {}

    private static List<KmsgRecord> readKmsg(Path input) {
        List<KmsgRecord> records = new ArrayList<>();
        List<String> lines = readLines(input);
        long lastSeq = -1;
        long lastTs = -1;
        for (int i = 0; i < lines.size(); i++) {
            String where = input.getFileName() + ":" + (i + 1);
            String line = lines.get(i);
            Matcher property = KMSG_PROPERTY.matcher(line);
            if (property.matches()) {
                assertFalse(records.isEmpty(), where + ": property line before any record");
                records.get(records.size() - 1).properties().put(property.group(1), property.group(2));
                continue;
            }
            Matcher m = KMSG_RECORD.matcher(line);
            assertTrue(m.matches(), where + ": not a /dev/kmsg record: " + line);
            long seq = Long.parseLong(m.group(2));
            long tsUsec = Long.parseLong(m.group(3));
            assertTrue(seq > lastSeq, where + ": seq " + seq + " not after " + lastSeq);
            assertTrue(tsUsec >= lastTs, where + ": timestamp goes backwards");
            assertTrue(m.group(6).chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f),
                    where + ": raw control or non-ASCII character; /dev/kmsg escapes them as \\xNN");
            records.add(new KmsgRecord(Integer.parseInt(m.group(1)) & 7, seq, tsUsec, unescapeKmsg(m.group(6)),
                    new HashMap<>()));
            lastSeq = seq;
            lastTs = tsUsec;
        }
        return records;
    }

    private static List<KmsgRecord> readDmesg(Path input) {
        List<KmsgRecord> records = new ArrayList<>();
        List<String> lines = readLines(input);
        long lastTs = -1;
        int indent = 0;
        for (int i = 0; i < lines.size(); i++) {
            String where = input.getFileName() + ":" + (i + 1);
            String line = lines.get(i);
            Matcher m = DMESG_LINE.matcher(line);
            if (m.matches()) {
                long tsUsec = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2));
                assertTrue(tsUsec >= lastTs, where + ": timestamp goes backwards");
                records.add(new KmsgRecord(-1, records.size(), tsUsec, m.group(3), new HashMap<>()));
                lastTs = tsUsec;
                indent = m.start(3);
                continue;
            }
            // a record with embedded newlines: dmesg prints the rest indented under the message
            assertTrue(!records.isEmpty() && line.length() > indent && line.substring(0, indent).isBlank(),
                    where + ": not a dmesg line: " + line);
            KmsgRecord last = records.remove(records.size() - 1);
            records.add(new KmsgRecord(last.priority(), last.seq(), last.tsUsec(),
                    last.message() + "\n" + line.substring(indent), last.properties()));
        }
        return records;
    }

    /** Undoes /dev/kmsg's escaping: each byte below 0x20, from 0x7f up, and backslash is written as \xNN. */
    private static String unescapeKmsg(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x') {
                bytes.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                bytes.write(s.charAt(i));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * journald reads the same ring buffer: each kernel record is also a journal entry with
     * {@code _TRANSPORT=kernel} and {@code _SOURCE_MONOTONIC_TIMESTAMP} equal to the record's
     * timestamp, and expected.json's {@code boot_time} turns that timestamp into wall time.
     */
    private static void assertKernelRecordsAreInTheJournal(Path dir, List<KmsgRecord> records) {
        Map<Long, List<JsonNode>> kernelEntries = new HashMap<>();
        for (JsonNode e : readJournal(dir.resolve("journal.json"))) {
            if ("kernel".equals(e.get("_TRANSPORT").asText())) {
                kernelEntries.computeIfAbsent(e.get("_SOURCE_MONOTONIC_TIMESTAMP").asLong(), k -> new ArrayList<>()).add(e);
            }
        }
        JsonNode kernelInput = null;
        for (JsonNode input : readJson(dir.resolve("expected.json")).get("inputs")) {
            if (Set.of("kmsg", "dmesg").contains(input.get("format").asText())) {
                kernelInput = input;
            }
        }
        assertNotNull(kernelInput, dir + ": kernel input not listed in expected.json");
        Instant bootTime = Instant.parse(kernelInput.get("boot_time").asText());
        long bootUsec = bootTime.getEpochSecond() * 1_000_000 + bootTime.getNano() / 1000;
        for (KmsgRecord r : records) {
            List<JsonNode> sameTime = kernelEntries.getOrDefault(r.tsUsec(), List.of());
            JsonNode entry = sameTime.stream().filter(e -> e.get("MESSAGE").asText().equals(r.message()))
                    .findFirst().orElse(null);
            if (entry == null) {
                fail(dir.getFileName() + ": kernel record at " + r.tsUsec() + " us not in the journal: " + r.message());
            }
            assertEquals(kernelInput.get("boot_id").asText(), entry.get("_BOOT_ID").asText());
            long realtime = entry.get("__REALTIME_TIMESTAMP").asLong();
            assertTrue(realtime - (bootUsec + r.tsUsec()) >= 0 && realtime - (bootUsec + r.tsUsec()) < 1_000_000,
                    "journald received the record at " + realtime + ", not just after boot_time + ts");
            if (r.priority() >= 0) {
                assertEquals(r.priority(), entry.get("PRIORITY").asInt(), "priority of " + r.message());
            }
            if (r.properties().containsKey("DEVICE")) {
                assertEquals(r.properties().get("DEVICE"), entry.get("_KERNEL_DEVICE").asText());
                assertEquals(r.properties().get("SUBSYSTEM"), entry.get("_KERNEL_SUBSYSTEM").asText());
            }
        }
    }

    // ---- expected.json ---------------------------------------------------------------------------

    private static void checkExpected(Path dir, JsonNode expected) {
        String where = dir.getFileName() + "/expected.json";
        assertTrue(expected.path("description").isTextual() && !expected.get("description").asText().isBlank(),
                where + ": description");
        assertTrue(expected.path("host").isTextual(), where + ": host");
        assertTrue(expected.path("inputs").isArray() && expected.get("inputs").size() > 0, where + ": inputs");
        for (JsonNode input : expected.get("inputs")) {
            String format = input.path("format").asText();
            assertTrue(INPUT_FORMATS.contains(format), where + ": unknown input format '" + format + "'");
            assertTrue(Files.isRegularFile(dir.resolve(input.path("path").asText())), where + ": no file " + input);
            if (format.equals("text")) {
                assertTrue(input.path("file").asText().startsWith("/"), where + ": text input needs its absolute file");
            }
            if (format.equals("kmsg") || format.equals("dmesg")) {
                assertTrue(ID128.matcher(input.path("boot_id").asText()).matches(), where + ": boot_id of " + input);
                Instant.parse(input.path("boot_time").asText());
            }
        }
        assertTrue(expected.path("must").isArray(), where + ": must");
        assertTrue(expected.path("must_not").isArray(), where + ": must_not");
        for (JsonNode must : expected.get("must")) {
            checkIncidentMatcher(must, where);
            assertEquals(expected.get("host").asText(), must.path("host").asText(), where + ": host of " + must);
            assertTrue(must.path("count_min").asLong(-1) >= 0, where + ": count_min of " + must);
            assertTrue(must.path("count_max").asLong(-1) >= must.get("count_min").asLong(), where + ": count_max < min");
            assertTrue(must.path("incidents_min").asLong(1) <= must.path("incidents_max").asLong(1),
                    where + ": incidents_max < incidents_min");
            if (must.has("status")) {
                assertTrue(Set.of("firing", "resolved").contains(must.get("status").asText()), where + ": status");
            }
            for (JsonNode related : must.path("related_types")) {
                assertTrue(INCIDENT_TYPES.contains(related.asText()), where + ": related type " + related);
            }
        }
        for (JsonNode mustNot : expected.get("must_not")) {
            checkIncidentMatcher(mustNot, where);
        }
        if (expected.has("max_incidents")) {
            assertEquals(0, expected.get("must").size(), where + ": a negative control must not require incidents");
            assertEquals(0, expected.get("max_incidents").asInt(), where + ": max_incidents");
        }
        assertTrue(expected.get("must").size() > 0 || expected.has("max_incidents"),
                where + ": neither incidents required nor max_incidents given");
    }

    private static void checkIncidentMatcher(JsonNode matcher, String where) {
        assertTrue(INCIDENT_TYPES.contains(matcher.path("type").asText()), where + ": type of " + matcher);
        for (JsonNode word : matcher.path("summary_contains")) {
            assertTrue(word.isTextual() && !word.asText().isEmpty(), where + ": summary_contains " + matcher);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static Stream<Path> inputsOfFormat(String format) {
        return scenarioDirs.stream().flatMap(dir -> {
            List<Path> files = new ArrayList<>();
            for (JsonNode input : readJson(dir.resolve("expected.json")).get("inputs")) {
                if (format.equals(input.get("format").asText())) {
                    files.add(dir.resolve(input.get("path").asText()));
                }
            }
            return files.stream();
        });
    }

    private static Path scenario(String prefix) {
        return Scenarios.named(prefix);
    }

    private static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    private static List<JsonNode> readJournal(Path file) {
        List<JsonNode> entries = new ArrayList<>();
        List<String> lines = readLines(file);
        for (int i = 0; i < lines.size(); i++) {
            try {
                entries.add(JSON.readTree(lines.get(i)));
            } catch (IOException e) {
                throw new AssertionError(file.getFileName() + ":" + (i + 1) + ": not JSON: " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(file + ": not JSON: " + e.getMessage(), e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
