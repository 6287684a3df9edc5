package dev.vigil.shippers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file cases that lose lines or times in other shippers, end to end through a real broker.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FileEdgeCasesIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path dir;
    private Path log;
    private String topic;

    private Shipper start(TestInfo test) throws IOException {
        return start(test, dir.resolve("app.log").toString());
    }

    /** A shipper of the file inputs {@code input} names (a path or a glob); {@link #log} is app.log. */
    private Shipper start(TestInfo test, String input) throws IOException {
        topic = "events-" + test.getTestMethod().orElseThrow().getName();
        KAFKA.createTopic(topic, 2);
        log = dir.resolve("app.log");
        FileTailConfig files = new FileTailConfig(List.of(FileInput.of(input)), Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(60), 1024 * 1024, ZoneId.of("UTC"));
        ShipperConfig config = FileOnlyConfig.of("web-1", files, dir.resolve("state"), KAFKA.bootstrapServers(), topic);
        Shipper shipper = new Shipper(config, Clock.systemUTC());
        shipper.start();
        return shipper;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String lines(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + i + "\n").collect(Collectors.joining());
    }

    private List<Event> readUntilMessage(String last) {
        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), topic)) {
            return reader.readUntil(events -> events.stream().anyMatch(e -> e.message().equals(last)), WAIT);
        }
    }

    private static Set<String> fileMessages(List<Event> events) {
        return events.stream().filter(e -> e.source() == Source.FILE).map(Event::message).collect(Collectors.toSet());
    }

    private static long observations(List<Event> events, String kind) {
        return events.stream().filter(e -> e.isShipperEvent(kind)).count();
    }

    @Test
    void shouldShipAnUnindentedExceptionOfAStampedLogWithItsErrorLineAsOneEvent(TestInfo test) throws Exception {
        // Spring Boot's default layout: "Application run failed", a blank line, the exception's class line unindented
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/framing/spring-boot-run-failed.log"));
        String failed = String.join("\n", lines.subList(3, 9));
        try (Shipper shipper = start(test)) {
            append(log, String.join("\n", lines) + "\n");

            List<Event> events = readUntilMessage(failed);

            List<Event> file = events.stream().filter(e -> e.source() == Source.FILE).toList();
            assertEquals(List.of(lines.get(0), lines.get(1), lines.get(2), failed), file.stream().map(Event::message).toList());
            assertEquals(Instant.parse("2018-09-13T01:11:24.804Z"), file.get(3).ts(), "the ERROR line's stamp");
        }
    }

    @Test
    void shouldShipNoEventForTheBlankLinesOfALogWithoutStamps(TestInfo test) throws Exception {
        // a Go panic printed without log stamps (multiline/SOURCES): two blank lines between panic: and the goroutine
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/multiline/go-panic.log"));
        try (Shipper shipper = start(test)) {
            append(log, String.join("\n", lines) + "\nExiting again\n");

            List<Event> file = readUntilMessage("Exiting again").stream().filter(e -> e.source() == Source.FILE).toList();

            assertEquals(List.of("Exiting foo", "Exiting main", "panic: bar", "goroutine 1 [running]:"),
                    file.stream().map(Event::message).limit(4).toList());
            assertTrue(file.get(4).message().startsWith("panic(0x128360, 0x1040a130)\n    /usr/local/go/src/runtime/panic.go"),
                    file.get(4).message());
            assertEquals(List.of(), file.stream().filter(e -> e.message().isBlank()).toList(), "no event of a blank line");
        }
    }

    @Test
    void shouldLoseNoLineAcrossRenameRotation(TestInfo test) throws Exception {
        try (Shipper shipper = start(test)) {
            append(log, lines("old-", 1000));
            await().atMost(WAIT).until(() -> shipper.counters().get("file").recordsRead() >= 900);
            append(log, lines("late-", 10));
            Files.move(log, dir.resolve("app.log.1"));
            append(log, lines("new-", 10));

            List<Event> events = readUntilMessage("new-9");

            Set<String> messages = fileMessages(events);
            Set<String> expected = (lines("old-", 1000) + lines("late-", 10) + lines("new-", 10)).lines()
                    .collect(Collectors.toSet());
            assertEquals(Set.of(), expected.stream().filter(l -> !messages.contains(l)).collect(Collectors.toSet()));
            assertEquals(1, observations(events, "file_rotated"));
        }
    }

    @Test
    void shouldReportCopytruncateAndShipWhatFollows(TestInfo test) throws Exception {
        try (Shipper shipper = start(test)) {
            append(log, lines("before-", 100));
            await().atMost(WAIT).until(() -> shipper.counters().get("file").recordsSent() >= 100);
            Files.copy(log, dir.resolve("app.log.1"), StandardCopyOption.REPLACE_EXISTING);
            Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
            append(log, lines("after-", 3));

            List<Event> events = readUntilMessage("after-2");

            assertEquals(1, observations(events, "file_truncated"));
            assertTrue(fileMessages(events).containsAll(Set.of("after-0", "after-1", "after-2")));
            assertEquals(0L, events.stream().filter(e -> "after-0".equals(e.message())).findFirst().orElseThrow().offset());
        }
    }

    @Test
    void shouldFollowFileDeletedAndCreatedAgain(TestInfo test) throws Exception {
        try (Shipper shipper = start(test)) {
            append(log, lines("first-", 10));
            await().atMost(WAIT).until(() -> shipper.counters().get("file").recordsSent() >= 10);
            Files.delete(log);
            await().atMost(WAIT).until(() -> shipper.counters().get("file").recordsSent() >= 11);
            append(log, lines("second-", 10));

            List<Event> events = readUntilMessage("second-9");

            assertEquals(1, observations(events, "file_deleted"));
            assertEquals(20, fileMessages(events).size());
        }
    }

    @Test
    void shouldCutFiveMebibyteLineAndGoOn(TestInfo test) throws Exception {
        try (Shipper shipper = start(test)) {
            append(log, "x".repeat(5 * 1024 * 1024) + "\nafter\n");

            List<Event> events = readUntilMessage("after");

            Event cut = events.stream().filter(e -> e.message().startsWith("xxx")).findFirst().orElseThrow();
            assertEquals(Set.of("line_truncated"), cut.flags());
            assertTrue(cut.message().length() > 900_000 && cut.message().length() <= 1024 * 1024,
                    "cut to " + cut.message().length());
            assertEquals(2, events.stream().filter(e -> e.source() == Source.FILE).count());
        }
    }

    @Test
    void shouldShipBinaryGarbageFlaggedAndKeepGoing(TestInfo test) throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        try (Shipper shipper = start(test)) {
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(garbage);
                out.write("\nafter garbage\n".getBytes(StandardCharsets.UTF_8));
            }

            List<Event> events = readUntilMessage("after garbage");

            assertTrue(events.stream().anyMatch(e -> e.flags().contains("invalid_utf8")));
            assertEquals(0, shipper.counters().get("file").drops());
        }
    }

    @Test
    void shouldShipNeitherACompressedRotatedLogNorAByteOrderMark(TestInfo test) throws Exception {
        // logrotate's compress beside the live log (its bytes hold newlines: 64 KiB that do not
        // compress), and a live log a Windows tool started with a byte order mark
        byte[] rotated = new byte[64 * 1024];
        new Random(7).nextBytes(rotated);
        try (OutputStream gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("app.log.2.gz")))) {
            gz.write(rotated);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("app.log"))) {
            out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            out.write("first\n".getBytes(StandardCharsets.UTF_8));
        }
        try (Shipper shipper = start(test, dir + "/app.log*")) {
            await().atMost(WAIT).until(() -> shipper.counters().get("file").recordsSent() >= 1);
            append(log, "after\n");

            List<Event> events = readUntilMessage("after");

            assertEquals(Set.of("first", "after"), fileMessages(events));
            assertEquals(2, shipper.counters().get("file").recordsRead(), "no line of the gzip file was read");
            assertEquals(0, shipper.counters().get("file").errors());
        }
    }

    @Test
    void shouldNotShipABinaryFileTheGlobTakesIn(TestInfo test) throws Exception {
        // a glob like /var/log/* takes in wtmp beside the logs
        Wtmp.write(dir.resolve("wtmp"));
        try (Shipper shipper = start(test, dir + "/*")) {
            append(log, "after\n");

            List<Event> events = readUntilMessage("after");

            assertEquals(Set.of("after"), fileMessages(events));
            assertEquals(1, shipper.counters().get("file").recordsRead(), "no record of wtmp was read");
            assertEquals(0, shipper.counters().get("file").errors());
        }
    }

    @Test
    void shouldShipEachJsonLineAsOneEventAtItsOwnTime(TestInfo test) throws Exception {
        // zap, pino, slog and bunyan lines, verbatim (shippers/src/test/resources/structured/SOURCES)
        List<String> lines = List.of(
                "{\"level\":\"info\",\"ts\":1745154644.746028,\"logger\":\"supervisor\",\"caller\":\"supervisor/supervisor.go:340\",\"msg\":\"Supervisor starting\",\"id\":\"01965352-9958-72da-905c-e40329c32c64\"}",
                "{\"level\":30,\"time\":1531171074631,\"msg\":\"hello world\",\"pid\":657,\"hostname\":\"Davids-MBP-3.fritz.box\"}",
                "{\"time\":\"2022-11-08T15:28:26.000000000-05:00\",\"level\":\"INFO\",\"msg\":\"hello\",\"count\":3}",
                "{\"name\":\"myapp\",\"hostname\":\"banana.local\",\"pid\":40161,\"level\":30,\"msg\":\"hi\",\"time\":\"2013-01-04T18:46:23.851Z\",\"v\":0}");
        try (Shipper shipper = start(test)) {
            append(log, String.join("\n", lines) + "\n");

            List<Event> shipped = readUntilMessage(lines.get(3)).stream().filter(e -> e.source() == Source.FILE)
                    .sorted((a, b) -> Long.compare(a.offset(), b.offset())).toList();

            assertEquals(lines, shipped.stream().map(Event::message).toList());
            assertEquals(List.of(Instant.parse("2025-04-20T13:10:44.746028Z"), Instant.parse("2018-07-09T21:17:54.631Z"),
                    Instant.parse("2022-11-08T20:28:26Z"), Instant.parse("2013-01-04T18:46:23.851Z")),
                    shipped.stream().map(Event::ts).toList());
        }
    }
}
