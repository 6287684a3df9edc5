package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.Wtmp;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.SourceMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileTailerTest {
    private static final Instant T0 = Instant.parse("2026-03-14T02:11:07Z");
    private static final int MAX_LINE = 256;

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final SourceMetrics metrics = new SourceMetrics("file");
    private MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private CheckpointStore store;
    private Path log;
    private FileTailConfig config;

    @BeforeEach
    void setUp() throws IOException {
        store = CheckpointStore.open(dir.resolve("state"));
        Files.createDirectories(dir.resolve("logs"));
        log = dir.resolve("logs/app.log");
        config = new FileTailConfig(List.of(FileInput.of(log.toString())), Duration.ofMillis(10),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), MAX_LINE, ZoneId.of("UTC"));
    }

    private FileTailer tailer() {
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(10_000, 1 << 24));
        return new FileTailer("web-1", config, shipper, metrics, clock);
    }

    private static void append(Path file, String text) throws IOException {
        append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Polls, then lets the multiline timeout pass and polls again, so the last line is shipped too. */
    private void settle(FileTailer tailer) throws InterruptedException {
        tailer.poll();
        clock.advance(config.multilineTimeout());
        tailer.poll();
    }

    private List<Event> shipped() {
        return producer.history().stream().map(r -> EventJson.parse(r.value())).toList();
    }

    private List<String> messages() {
        return shipped().stream().filter(e -> e.source() == Source.FILE).map(Event::message).toList();
    }

    private List<String> observations() {
        return shipped().stream().filter(e -> e.source() == Source.SHIPPER).map(Event::identifier).toList();
    }

    @Test
    void shouldShipEachLineWithOffsetAndCheckpointItsEnd() throws Exception {
        append(log, "first\nsecond\n");
        FileTailer tailer = tailer();

        settle(tailer);

        List<Event> events = shipped();
        assertEquals(List.of("first", "second"), messages());
        Event second = events.get(1);
        assertEquals(6L, second.offset());
        assertEquals(log.toString(), second.file());
        assertEquals(T0, second.ts(), "no stamp in the line: read time");
        assertEquals(null, second.partial());
        String key = store.positionsStartingWith("file/").keySet().iterator().next();
        assertEquals("13", store.position(key).orElseThrow());
        String stream = key.substring("file/".length()).replace('/', ':');
        assertEquals(EventIds.of("web-1", Source.FILE, stream, "6"), second.id());
    }

    @Test
    void shouldLeaveAUtf8ByteOrderMarkOutOfTheFirstLine() throws Exception {
        append(log, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        append(log, "2026-03-14 02:11:07,398 ERROR rivet: boom\n2026-03-14 02:11:08,001 INFO rivet: second\n");

        settle(tailer());

        assertEquals(List.of("2026-03-14 02:11:07,398 ERROR rivet: boom", "2026-03-14 02:11:08,001 INFO rivet: second"), messages());
        assertEquals(0L, shipped().get(0).offset());
        assertEquals(Instant.parse("2026-03-14T02:11:07.398Z"), shipped().get(0).ts(), "the stamp is read at the start");
    }

    @Test
    void shouldReportBytesNotShippedYetAsLag() throws Exception {
        append(log, "one\ntwo");

        settle(tailer());

        assertEquals(List.of("one"), messages());
        assertEquals(java.util.OptionalLong.of(3), metrics.lagBytes(), "'two' has no newline yet");
    }

    @Test
    void shouldTakeEventTimeFromLineStamp() throws Exception {
        append(log, "2026-03-14 02:11:07,398 ERROR rivet: boom\n");

        settle(tailer());

        assertEquals(Instant.parse("2026-03-14T02:11:07.398Z"), shipped().get(0).ts());
    }

    @Test
    void shouldJoinPythonTracebackToTheLineItFollows() throws Exception {
        append(log, """
                2026-03-14 02:11:07 ERROR worker crashed
                Traceback (most recent call last):
                  File "/srv/rivet/worker.py", line 3, in <module>
                    import asyncpg
                ModuleNotFoundError: No module named 'asyncpg'
                2026-03-14 02:11:17 INFO worker starting
                """);
        FileTailer tailer = tailer();

        tailer.poll();
        clock.advance(config.multilineTimeout());
        tailer.poll();

        assertEquals(List.of("""
                2026-03-14 02:11:07 ERROR worker crashed
                Traceback (most recent call last):
                  File "/srv/rivet/worker.py", line 3, in <module>
                    import asyncpg
                ModuleNotFoundError: No module named 'asyncpg'""", "2026-03-14 02:11:17 INFO worker starting"),
                messages());
        assertEquals(Set.of("multiline"), shipped().get(0).flags());
    }

    @Test
    void shouldStartAnEventAtEveryJsonLineEvenRightAfterATracebackAndStampItWithItsOwnTime() throws Exception {
        // pino's README output (pinojs/pino); a traceback the same process wrote to the file before it
        append(log, """
                Traceback (most recent call last):
                  File "/srv/rivet/worker.py", line 3, in <module>
                {"level":30,"time":1531171074631,"msg":"hello world","pid":657,"hostname":"Davids-MBP-3.fritz.box"}
                {"level":30,"time":1531171082399,"msg":"hello child!","pid":657,"hostname":"Davids-MBP-3.fritz.box","a":"property"}
                """);
        FileTailer tailer = tailer();

        tailer.poll();
        clock.advance(config.multilineTimeout());
        tailer.poll();

        assertEquals(3, messages().size(), messages().toString());
        assertTrue(messages().get(1).startsWith("{\"level\":30,\"time\":1531171074631"), messages().get(1));
        assertEquals(List.of(T0, Instant.parse("2018-07-09T21:17:54.631Z"), Instant.parse("2018-07-09T21:18:02.399Z")),
                shipped().stream().map(Event::ts).toList());
    }

    @Test
    void shouldJoinJavaStackTraceWithCausedBy() throws Exception {
        append(log, "Exception in thread \"main\" java.lang.IllegalStateException: x\n"
                + "\tat a.B.c(B.java:1)\nCaused by: java.io.IOException: y\n\t... 3 more\nnext\n");
        FileTailer tailer = tailer();

        tailer.poll();
        clock.advance(config.multilineTimeout());
        tailer.poll();

        assertEquals(2, messages().size());
        assertTrue(messages().get(0).endsWith("Caused by: java.io.IOException: y\n\t... 3 more"), messages().get(0));
    }

    @Test
    void shouldNotJoinLinesWhenMultilineIsOff() throws Exception {
        config = config.withInputs(List.of(new FileInput(log.toString(), false)));
        append(log, "a\n  indented\n");

        settle(tailer());

        assertEquals(List.of("a", "  indented"), messages());
    }

    @Test
    void shouldShipUnfinishedLineAsPartialAfterIdleTimeoutAndNotReshipIt() throws Exception {
        append(log, "INFO:     127.0.0.1 - \"GET /api/query");
        FileTailer tailer = tailer();
        tailer.poll();
        clock.advance(config.partialTimeout().minusMillis(1));
        tailer.poll();
        assertEquals(List.of(), messages(), "not idle long enough");

        clock.advance(Duration.ofMillis(1));
        tailer.poll();
        append(log, " HTTP/1.1\" 200\n");
        settle(tailer);

        List<Event> events = shipped();
        assertEquals(List.of("INFO:     127.0.0.1 - \"GET /api/query", " HTTP/1.1\" 200"), messages());
        assertEquals(Boolean.TRUE, events.get(0).partial());
        assertEquals(0L, events.get(0).offset());
        assertEquals(null, events.get(1).partial());
        assertEquals(37L, events.get(1).offset());
    }

    /**
     * logrotate's create mode: mv app.log app.log.1, then the service opens a new app.log. A scan
     * may fall between the two, finding the file gone and nothing at its path yet.
     */
    @ParameterizedTest(name = "a scan between the rename and the new file: {0}")
    @ValueSource(booleans = {false, true})
    void shouldReadRotatedFileToItsEndThenFollowNewFile(boolean scanBetween) throws Exception {
        append(log, "one\n");
        FileTailer tailer = tailer();
        settle(tailer);
        append(log, "two\n");
        Files.move(log, dir.resolve("logs/app.log.1"));
        if (scanBetween) {
            tailer.poll();
            assertEquals(List.of(), observations(), "deleted or rotated: the next scan tells");
        }
        append(log, "three\n");

        settle(tailer);

        assertEquals(List.of("one", "two", "three"), messages());
        assertEquals(List.of("file_rotated"), observations());
    }

    @Test
    void shouldEmitTruncatedAndRestartAtZeroOnCopytruncate() throws Exception {
        append(log, "one\ntwo\n");
        FileTailer tailer = tailer();
        settle(tailer);

        Files.write(log, "x\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
        settle(tailer);

        assertEquals(List.of("one", "two", "x"), messages());
        Event truncated = shipped().get(2);
        assertEquals("file_truncated", truncated.identifier());
        assertEquals(log.toString(), truncated.file());
        assertEquals(Map.of("previous_offset", "8", "size", "2"), truncated.fields());
        assertEquals(0L, shipped().get(3).offset());
    }

    @Test
    void shouldNoticeContentRewrittenPastOldOffset() throws Exception {
        append(log, "one\n");
        FileTailer tailer = tailer();
        settle(tailer);

        Files.write(log, "rewritten\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
        settle(tailer);

        assertEquals(List.of("one", "rewritten"), messages());
        assertEquals(List.of("file_truncated"), observations());
    }

    @Test
    void shouldEmitDeletedAndForgetFileAfterGracePeriod() throws Exception {
        append(log, "one\n");
        FileTailer tailer = tailer();
        settle(tailer);

        Files.delete(log);
        settle(tailer);
        assertEquals(List.of("file_deleted"), observations());
        assertEquals(1, tailer.trackedFiles());

        clock.advance(config.forgetAfter());
        settle(tailer);
        assertEquals(0, tailer.trackedFiles());
        assertEquals(Map.of(), store.positionsStartingWith("file/"));
    }

    @Test
    void shouldCutLineOverSizeLimitAndFlagIt() throws Exception {
        String longLine = "x".repeat(MAX_LINE * 3);
        append(log, longLine + "\nafter\n");

        settle(tailer());

        assertEquals(List.of("x".repeat(MAX_LINE), "after"), messages());
        assertEquals(Set.of("line_truncated"), shipped().get(0).flags());
    }

    @Test
    void shouldCutLineOverSizeLimitArrivingInPieces() throws Exception {
        FileTailer tailer = tailer();
        append(log, "y".repeat(MAX_LINE + 10));
        settle(tailer);
        append(log, "y".repeat(MAX_LINE) + "\nafter\n");
        settle(tailer);

        assertEquals(List.of("y".repeat(MAX_LINE), "after"), messages());
        String key = store.positionsStartingWith("file/").keySet().iterator().next();
        assertEquals(Long.toString(2L * MAX_LINE + 10 + 1 + 6), store.position(key).orElseThrow());
    }

    @Test
    void shouldShipLineOfExactlyTheSizeLimitWholeWhenItsNewlineComesLater() throws Exception {
        FileTailer tailer = tailer();
        append(log, "z".repeat(MAX_LINE));
        tailer.poll();
        append(log, "\nafter\n");
        settle(tailer);

        assertEquals(List.of("z".repeat(MAX_LINE), "after"), messages());
        assertEquals(Set.of(), shipped().get(0).flags());
    }

    @Test
    void shouldReplaceInvalidUtf8AndFlagIt() throws Exception {
        append(log, new byte[] {'b', 'a', 'd', ' ', (byte) 0xC3, '\n'});

        settle(tailer());

        assertEquals(List.of("bad \uFFFD"), messages());
        assertEquals(Set.of("invalid_utf8"), shipped().get(0).flags());
    }

    @Test
    void shouldPickUpNewFilesMatchingGlob() throws Exception {
        config = config.withInputs(List.of(FileInput.of(dir.resolve("logs") + "/*.log")));
        FileTailer tailer = tailer();
        settle(tailer);

        append(dir.resolve("logs/a.log"), "from a\n");
        append(dir.resolve("logs/b.txt"), "not matched\n");
        settle(tailer);

        assertEquals(List.of("from a"), messages());
    }

    @Test
    void shouldNotTailACompressedRotatedLogTheGlobAlsoMatches() throws Exception {
        // logrotate's compress: app.log.2.gz beside app.log in the folder the glob names
        assertTheGlobTailsOnlyTheLogBeside(() -> {
            try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("logs/app.log.2.gz")))) {
                gz.write("2026-03-12 02:11:07,398 ERROR rivet: boom\n".getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void shouldNotTailABinaryFileTheGlobAlsoMatches() throws Exception {
        // /var/log/* takes in wtmp beside the logs: its records read as text were garbage lines and a
        // last "line" without a newline
        assertTheGlobTailsOnlyTheLogBeside(() -> Wtmp.write(dir.resolve("logs/wtmp")));
    }

    /** A file {@code written} beside the log, in the folder a glob names, is left alone, and no error. */
    private void assertTheGlobTailsOnlyTheLogBeside(Written written) throws Exception {
        config = config.withInputs(List.of(FileInput.of(dir.resolve("logs") + "/*")));
        append(log, "2026-03-14 02:11:07,398 ERROR rivet: boom\n");
        FileTailer tailer = tailer();
        settle(tailer);

        written.write();
        settle(tailer);

        assertEquals(List.of("2026-03-14 02:11:07,398 ERROR rivet: boom"), messages());
        assertEquals(0, metrics.counters().errors(), "a file that is no text log is left alone, not an error");
    }

    private interface Written {
        void write() throws Exception;
    }

    @Test
    void shouldTailALogThatStartsWithAHoleOfNulBytes() throws Exception {
        // copytruncate while the writer kept its offset: the log goes on after a run of NULs
        config = config.withInputs(List.of(FileInput.of(dir.resolve("logs") + "/*")));
        Path holed = dir.resolve("logs/holed.log");
        Files.write(holed, new byte[200]); // within the line limit of this test's tailer (256 bytes)
        append(holed, "2026-03-14 02:11:07,398 ERROR rivet: boom\n");
        settle(tailer());

        assertTrue(messages().stream().anyMatch(m -> m.endsWith("ERROR rivet: boom")),
                messages().stream().map(m -> m.length() + ":" + m.replace("\0", "")).toList().toString());
    }

    @Test
    void shouldResumeFromCheckpointWithoutResendingAcknowledgedLines() throws Exception {
        append(log, "one\ntwo\n");
        FileTailer first = tailer();
        settle(first);
        first.close();
        append(log, "three\n");
        producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

        settle(tailer());

        assertEquals(List.of("three"), messages());
    }

    @Test
    void shouldResendUnacknowledgedLinesWithSameIdsAfterRestart() throws Exception {
        producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        append(log, "one\ntwo\n");
        FileTailer first = tailer();
        settle(first);
        producer.completeNext();
        List<Event> before = shipped();
        first.close();
        producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

        settle(tailer());

        assertEquals(List.of("two"), messages());
        assertEquals(before.get(1).id(), shipped().get(0).id());
    }
}
