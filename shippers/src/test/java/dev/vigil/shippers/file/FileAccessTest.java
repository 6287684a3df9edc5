package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.SourceMetrics;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What the tailer reads and what it says when it cannot: symbolic links, unreadable files and folders. */
class FileAccessTest {
    private static final Instant T0 = Instant.parse("2026-03-14T02:11:07Z");

    @TempDir Path dir;
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger tailerLog = (Logger) LoggerFactory.getLogger(FileTailer.class);
    private CheckpointStore store;
    private Path logs;
    private Path secret;

    @BeforeEach
    void setUp() throws IOException {
        store = CheckpointStore.open(dir.resolve("state"));
        logs = Files.createDirectories(dir.resolve("logs"));
        secret = Files.createDirectories(dir.resolve("etc")).resolve("shadow");
        Files.writeString(secret, "root:$6$saltsalt$hash:19000:0:99999:7:::\n");
        Files.writeString(logs.resolve("app.log"), "app line\n");
        logged.start();
        tailerLog.addAppender(logged);
    }

    @AfterEach
    void detach() {
        tailerLog.detachAppender(logged);
    }

    private FileTailer tailer(String glob, boolean followSymlinks, FileTailer.Opener opener) {
        FileTailConfig config = new FileTailConfig(List.of(new FileInput(glob, false)), Duration.ofMillis(10),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), 4096, ZoneId.of("UTC"),
                followSymlinks);
        EventShipper shipper = new EventShipper(producer, store, new InFlightLimit(10_000, 1 << 24));
        return new FileTailer("web-1", config, shipper, new SourceMetrics("file"), new MutableClock(T0), opener);
    }

    private FileTailer tailer(String glob, boolean followSymlinks) {
        return tailer(glob, followSymlinks, TailedFile::open);
    }

    private List<String> messages() {
        return producer.history().stream().map(r -> EventJson.parse(r.value()))
                .filter(e -> e.source() == Source.FILE).map(Event::message).toList();
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<String> lines(String containing) {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(containing)).toList();
    }

    @Test
    void shouldNotFollowASymlinkInAGlobByDefaultAndSayItOnce() throws Exception {
        Files.createSymbolicLink(logs.resolve("shadow.log"), secret);
        FileTailer tailer = tailer(logs + "/*.log", false);

        for (int i = 0; i < 5; i++) {
            tailer.poll();
        }

        assertEquals(List.of("app line"), messages());
        assertEquals(List.of("Not following symbolic link file=" + logs.resolve("shadow.log") + " target=" + secret
                + " reason=\"symbolic links are not followed; --follow-symlinks follows those that stay inside "
                + logs + "\""), warnings());
    }

    @Test
    void shouldNotFollowASymlinkNamedAsALiteralPath() throws Exception {
        Path link = logs.resolve("current.log");
        Files.createSymbolicLink(link, secret);

        tailer(link.toString(), false).poll();

        assertEquals(List.of(), messages());
    }

    @Test
    void shouldFollowASymlinkWhenAskedOnlyToAFileInsideTheFoldersOfTheGlobs() throws Exception {
        Path archive = Files.createDirectories(logs.resolve("archive"));
        Files.writeString(archive.resolve("real.txt"), "rotated line\n");
        Files.createSymbolicLink(logs.resolve("current.log"), archive.resolve("real.txt"));
        Files.createSymbolicLink(logs.resolve("shadow.log"), secret);
        FileTailer tailer = tailer(logs + "/*.log", true);

        tailer.poll();
        tailer.poll();

        assertEquals(List.of("app line", "rotated line"), messages().stream().sorted().toList());
        assertEquals(List.of("Not following symbolic link file=" + logs.resolve("shadow.log") + " target=" + secret
                + " reason=\"the target is outside " + logs + "\""), warnings());
    }

    @Test
    void shouldTailTheFilesOfAFolderTheGlobNamesThroughALink() throws Exception {
        Path current = Files.createSymbolicLink(dir.resolve("current"), logs);

        tailer(current + "/*.log", false).poll();

        assertEquals(List.of("app line"), messages(), "the folder a glob names is trusted, links and all");
        assertTrue(warnings().isEmpty(), warnings().toString());
    }

    @Test
    void shouldReportAFileThatCannotBeOpenedOnceWithTheReasonAndAgainOnlyWhenItChanges() throws Exception {
        Path app = logs.resolve("app.log");
        Deque<IOException> failures = new ArrayDeque<>();
        for (int i = 0; i < 40; i++) {
            failures.add(new AccessDeniedException(app.toString()));
        }
        for (int i = 0; i < 10; i++) {
            failures.add(new FileSystemException(app.toString(), null, "Too many open files"));
        }
        FileTailer tailer = tailer(logs + "/*.log", false, (ctx, path, inode, input) -> {
            IOException next = failures.poll();
            if (next != null) {
                throw next;
            }
            return TailedFile.open(ctx, path, inode, input);
        });

        for (int i = 0; i < 60; i++) { // 15 s of polls at the default 250 ms
            tailer.poll();
        }

        assertEquals(List.of(
                "Cannot open file file=" + app + " reason=\"permission denied (EACCES)\"",
                "Cannot open file file=" + app + " reason=\"Too many open files\""), warnings());
        assertEquals(List.of("Problem cleared file=" + app + " was=\"Too many open files\""), lines("Problem cleared"));
        assertEquals(List.of("app line"), messages());
    }

    @Test
    void shouldReportAFolderOfAGlobThatIsNotAFolderOnce() throws Exception {
        Path notAFolder = logs.resolve("app.log");
        FileTailer tailer = tailer(notAFolder + "/*.log", false);

        for (int i = 0; i < 10; i++) {
            tailer.poll();
        }

        assertEquals(List.of("Cannot list folder folder=" + notAFolder + " reason=\"not a directory (ENOTDIR)\""),
                warnings());
    }

    @Test
    void shouldReportAnUnreadableSubfolderOnceAndStillTailTheRest() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads a folder of mode 000; the fault-injected test above covers the reporting");
        Path locked = Files.createDirectories(logs.resolve("locked"));
        Files.writeString(locked.resolve("x.log"), "hidden\n");
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        try {
            FileTailer tailer = tailer(logs + "/**.log", false);
            for (int i = 0; i < 10; i++) {
                tailer.poll();
            }
            assertEquals(List.of("app line"), messages());
            assertEquals(List.of("Cannot list folder folder=" + locked + " reason=\"permission denied (EACCES)\""),
                    warnings());
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void shouldSayNothingMoreAboutAReadableFileThanThatItIsTailed() throws Exception {
        FileTailer tailer = tailer(logs + "/*.log", false);
        for (int i = 0; i < 10; i++) {
            tailer.poll();
        }
        assertTrue(warnings().isEmpty(), warnings().toString());
        assertEquals(1, lines("Tailing file").size());
    }
}
