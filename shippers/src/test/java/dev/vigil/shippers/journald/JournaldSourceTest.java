package dev.vigil.shippers.journald;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.SourceMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reads real journal files, made with systemd-journal-remote, through journalctl. */
@Timeout(60)
class JournaldSourceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T03:00:00Z"), ZoneOffset.UTC);
    private static final String BOOT = "0407d3cf01864e81b2b7aa77d3597014";
    private static final long T0_MICROS = 1773454267000000L; // 2026-03-14T02:11:07Z

    @TempDir Path dir;
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final SourceMetrics metrics = new SourceMetrics("journald");
    private CheckpointStore store;
    private EventShipper shipper;

    @BeforeEach
    void setUp() throws IOException {
        JournalExportFile.assumeToolsInstalled();
        store = CheckpointStore.open(dir.resolve("state"));
        shipper = new EventShipper(producer, store, new InFlightLimit(1000, 1 << 20));
    }

    private static JournalExportFile entry(JournalExportFile f, int i, String message) {
        return f.field("__REALTIME_TIMESTAMP", Long.toString(T0_MICROS + i * 1_000_000L))
                .field("__MONOTONIC_TIMESTAMP", Long.toString(1000L + i))
                .field("_BOOT_ID", BOOT)
                .field("_HOSTNAME", "web-1")
                .field("MESSAGE", message);
    }

    private Path journalOf(String name, String... messages) throws Exception {
        JournalExportFile f = new JournalExportFile();
        for (int i = 0; i < messages.length; i++) {
            entry(f, i, messages[i]).endEntry();
        }
        return f.writeJournal(dir.resolve(name + ".journal"));
    }

    private JournaldSourceConfig configFor(Path journal) {
        return new JournaldSourceConfig(true, JournalExportFile.JOURNALCTL, null, List.of(journal));
    }

    private List<Event> runUntil(JournaldSourceConfig config, int events) throws InterruptedException {
        JournaldSource source = new JournaldSource("shipper-host", config, shipper, metrics, CLOCK);
        Thread t = new Thread(source, "journald-test");
        t.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.history().size() >= events);
        } finally {
            source.close();
            t.join(10_000);
        }
        return producer.history().stream().map(r -> EventJson.parse(r.value())).toList();
    }

    @Test
    void shouldShipEntriesOfRealJournalFileWithNonUtf8AndRepeatedFields() throws Exception {
        JournalExportFile f = new JournalExportFile();
        entry(f, 0, "rivet-worker.service: Scheduled restart job, restart counter is at 3.")
                .field("_SYSTEMD_UNIT", "init.scope").field("UNIT", "rivet-worker.service")
                .field("PRIORITY", "6").endEntry();
        entry(f, 1, "").field("MESSAGE", new byte[] {'b', 'a', 'd', ' ', (byte) 0xff})
                .field("TAG", "a").field("TAG", "b").endEntry();
        Path journal = f.writeJournal(dir.resolve("system.journal"));

        List<Event> events = runUntil(configFor(journal), 2);

        Event restart = events.get(0);
        assertEquals(Source.JOURNALD, restart.source());
        assertEquals("web-1", restart.host());
        assertEquals(Instant.parse("2026-03-14T02:11:07Z"), restart.ts());
        assertEquals("rivet-worker.service", restart.unit());
        assertEquals(6, restart.priority());
        assertEquals(BOOT, restart.bootId());
        Event binary = events.get(1);
        assertEquals("\nbad \uFFFD", binary.message(), "the empty MESSAGE then the binary one, joined");
        assertEquals(Set.of("invalid_utf8"), binary.flags());
        assertEquals("a\nb", binary.fields().get("TAG"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.position(configFor(journal).streamKey()).equals(Optional.of(binary.cursor())));
    }

    @Test
    void shouldNotCallAJournalctlStoppedByTheSameCtrlCAsVigilAnError() throws Exception {
        // Ctrl-C reaches journalctl too, usually before the shipper is told to stop; `vigil run`
        // printed "journalctl exited, restarting" at every stop
        Path marker = dir.resolve("journalctl-ran");
        Running running = runWithJournalctl("touch '" + marker + "'\nexit 130\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(marker));

        running.stop();

        assertFalse(running.thread().isAlive());
        assertEquals(0, metrics.counters().errors());
    }

    @Test
    void shouldRestartAJournalctlThatExitedOnItsOwnAndCountTheError() throws Exception {
        Path runs = dir.resolve("journalctl-runs");
        Running running = runWithJournalctl("echo run >> '" + runs + "'\nexit 1\n");
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.exists(runs) && Files.readAllLines(runs).size() >= 2);
        } finally {
            running.stop();
        }

        assertTrue(metrics.counters().errors() >= 1, "errors " + metrics.counters().errors());
    }

    @Test
    void shouldResumeAfterAcknowledgedCursorWithoutResending() throws Exception {
        Path journal = journalOf("system", "one", "two", "three");
        List<Event> first = runUntil(configFor(journal), 3);
        store.put(configFor(journal).streamKey(), first.get(1).cursor());
        producer.clear();

        List<Event> resumed = runUntil(configFor(journal), 1);

        assertEquals(List.of("three"), resumed.stream().map(Event::message).toList());
        assertEquals(first.get(2).id(), resumed.get(0).id(), "same id for the same entry");
    }

    @Test
    void shouldReadOnlyTheLookBackOfTheJournalOnAFirstStart() throws Exception {
        // the clock says 03:00; the first entry is from 02:11, the second from 02:45
        JournalExportFile f = new JournalExportFile();
        entry(f, 0, "an old crash loop, long over").endEntry();
        entry(f, 2033, "recent").endEntry();
        Path journal = f.writeJournal(dir.resolve("system.journal"));
        JournaldSourceConfig config = configFor(journal).withFirstStartLookBack(Duration.ofMinutes(30));

        List<Event> events = runUntil(config, 1);

        assertEquals(List.of("recent"), events.stream().map(Event::message).toList());
    }

    @Test
    void shouldReadFromTheOldestEntryAfterALostCursorEvenWithALookBack() throws Exception {
        Path old = journalOf("old", "old-one");
        String oldCursor = runUntil(configFor(old), 1).get(0).cursor();
        producer.clear();
        Path replaced = journalOf("new", "new-one", "new-two");
        JournaldSourceConfig config = configFor(replaced).withFirstStartLookBack(Duration.ofMinutes(30));
        store.put(config.streamKey(), oldCursor);

        List<Event> events = runUntil(config, 3);

        assertEquals("cursor_lost", events.get(0).identifier());
        assertEquals(List.of("new-one", "new-two"), events.subList(1, 3).stream().map(Event::message).toList(),
                "entries older than the look-back: nothing after a lost cursor may be skipped");
    }

    @Test
    void shouldEmitCursorLostAndReadFromOldestEntryWhenCursorIsGone() throws Exception {
        Path old = journalOf("old", "old-one", "old-two");
        String oldCursor = runUntil(configFor(old), 2).get(0).cursor();
        producer.clear();
        Path replaced = journalOf("new", "new-one", "new-two");
        store.put(configFor(replaced).streamKey(), oldCursor);

        List<Event> events = runUntil(configFor(replaced), 3);

        Event lost = events.get(0);
        assertEquals(Source.SHIPPER, lost.source());
        assertEquals("cursor_lost", lost.identifier());
        assertEquals(oldCursor, lost.cursor());
        assertEquals(Map.of("stream", configFor(replaced).streamKey()), lost.fields());
        assertEquals(List.of("new-one", "new-two"), events.subList(1, 3).stream().map(Event::message).toList());
    }

    /** The journal source running with a journalctl that is this shell script. */
    private Running runWithJournalctl(String script) throws IOException {
        Path stub = dir.resolve("journalctl");
        Files.writeString(stub, "#!/bin/sh\n" + script);
        stub.toFile().setExecutable(true);
        JournaldSource source = new JournaldSource("shipper-host",
                new JournaldSourceConfig(true, stub, null, List.of(dir.resolve("any.journal"))), shipper, metrics, CLOCK);
        Thread thread = new Thread(source, "journald-test");
        thread.start();
        return new Running(source, thread);
    }

    private record Running(JournaldSource source, Thread thread) {
        void stop() throws InterruptedException {
            source.close();
            thread.join(10_000);
        }
    }
}
