package dev.vigil.shippers.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
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
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host with rsyslog ships /var/log/syslog: its lines become the kernel and journald events the journal would give. */
class FileTailerSyslogTest {
    private static final Instant NOW = Instant.parse("2026-12-03T05:00:00Z");
    /** Real lines: systemd/systemd#29348 and Yugabyte's OOM page (see src/test/resources/syslog/SOURCES). */
    private static final String SYSTEMD_LINE =
            "Sep 27 16:30:18 iserv systemd[1]: samba-ad-dc.service: Main process exited, code=exited, status=127/n/a";
    private static final String KERNEL_LINE = "Mar 24 18:41:04 PLEDXDBOR0G kernel: Out of memory: Killed process 2475067 "
            + "(postgres) total-vm:2484556kB, anon-rss:143224kB, file-rss:0kB, shmem-rss:452kB, UID:1011 pgtables:588kB "
            + "oom_score_adj:900";

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(NOW);
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private CheckpointStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = CheckpointStore.open(dir.resolve("state"));
    }

    private List<Event> tail(FileInput... inputs) throws InterruptedException {
        FileTailConfig config = new FileTailConfig(List.of(inputs), Duration.ofMillis(10), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(60), 4096, ZoneId.of("UTC"));
        FileTailer tailer = new FileTailer("shipper-host", config,
                new EventShipper(producer, store, new InFlightLimit(10_000, 1 << 24)), new SourceMetrics("file"), clock);
        tailer.poll();
        clock.advance(config.multilineTimeout());
        tailer.poll();
        return producer.history().stream().map(r -> EventJson.parse(r.value()))
                .filter(e -> e.source() != Source.SHIPPER).toList();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return p;
    }

    @Test
    void shouldShipASyslogFilesLinesAsKernelAndJournaldEvents() throws Exception {
        Path syslog = write("syslog", SYSTEMD_LINE + "\n" + KERNEL_LINE + "\n");

        List<Event> events = tail(FileInput.of(syslog.toString()));

        assertEquals(2, events.size());
        Event systemd = events.get(0);
        assertEquals(Source.JOURNALD, systemd.source());
        assertEquals("iserv", systemd.host(), "the host the line names");
        assertEquals(Instant.parse("2026-09-27T16:30:18Z"), systemd.ts());
        assertEquals("samba-ad-dc.service", systemd.unit());
        assertEquals("systemd", systemd.identifier());
        assertEquals(1L, systemd.pid());
        assertEquals("samba-ad-dc.service: Main process exited, code=exited, status=127/n/a", systemd.message());
        assertNull(systemd.file(), "a journald event, as the journal source makes it");
        Event kernel = events.get(1);
        assertEquals(Source.KERNEL, kernel.source());
        assertEquals("PLEDXDBOR0G", kernel.host());
        assertEquals(Instant.parse("2026-03-24T18:41:04Z"), kernel.ts());
    }

    @Test
    void shouldJoinJournalctlContinuationLinesToTheirEntry() throws Exception {
        Path export = write("journal.txt", SYSTEMD_LINE + "\n    second line of the message\n" + KERNEL_LINE + "\n");

        List<Event> events = tail(FileInput.of(export.toString()));

        assertEquals(List.of("samba-ad-dc.service: Main process exited, code=exited, status=127/n/a\n"
                + "    second line of the message", KERNEL_LINE.substring(KERNEL_LINE.indexOf("Out of memory"))),
                events.stream().map(Event::message).toList());
    }

    @Test
    void shouldKeepApplicationLogsAsTextAndHonourAnExplicitFormat() throws Exception {
        Path app = write("app.log", "2026-02-08 09:04:45 ERROR Failed to get environment info: Expecting value\n");
        Path forcedText = write("syslog-as-text", SYSTEMD_LINE + "\n");
        Path forcedSyslog = write("messages", "a line a syslog daemon did not write\n" + KERNEL_LINE + "\n");

        List<Event> events = tail(FileInput.of(app.toString()), new FileInput(forcedText.toString(), true, FileFormat.TEXT),
                new FileInput(forcedSyslog.toString(), true, FileFormat.SYSLOG));

        Map<String, List<Source>> sourcesByFile = new java.util.TreeMap<>();
        for (Event e : events) {
            String key = e.file() != null ? Path.of(e.file()).getFileName().toString() : e.host();
            sourcesByFile.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(e.source());
        }
        assertEquals(Map.of("app.log", List.of(Source.FILE), "syslog-as-text", List.of(Source.FILE),
                "messages", List.of(Source.FILE), "PLEDXDBOR0G", List.of(Source.KERNEL)), sourcesByFile,
                "a line that is not syslog in a syslog file is shipped as text, not lost");
    }
}
