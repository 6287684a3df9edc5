package dev.vigil.shippers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournalExportFile;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole shipper against a real broker: a file and a real journal file, with a crash halfway. */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ShipperIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final int JOURNAL_ENTRIES = 200;
    private static final int FIRST_LINES = 20_000;
    private static final int LATER_LINES = 5_000;

    @TempDir Path dir;

    private Path writeJournal() throws Exception {
        JournalExportFile export = new JournalExportFile();
        for (int i = 0; i < JOURNAL_ENTRIES; i++) {
            export.numberedEntry(i, "0407d3cf01864e81b2b7aa77d3597014")
                    .field("_SYSTEMD_UNIT", "rivet-worker.service")
                    .field("MESSAGE", String.format("journal-%04d", i))
                    .endEntry();
        }
        return export.writeJournal(dir.resolve("system.journal"));
    }

    @Test
    void shouldShipFileAndJournalWithoutLossAndWithStableIdsAcrossCrash() throws Exception {
        JournalExportFile.assumeToolsInstalled();
        String topic = "events-crash";
        KAFKA.createTopic(topic, 2);
        Path log = dir.resolve("app.log");
        NumberedLines.append(log, 0, FIRST_LINES);
        ShipperConfig config = ShipperConfig.defaults("web-1", dir.resolve("state"), KAFKA.bootstrapServers())
                .withTopics(topic, "dead-crash")
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(new JournaldSourceConfig(true, JournalExportFile.JOURNALCTL, null, List.of(writeJournal())))
                .withFiles(FileTailConfig.defaults(List.of(new FileInput(log.toString(), false))))
                .withIntervals(Duration.ofSeconds(1), Duration.ofMillis(100));

        Shipper crashing = new Shipper(config, Clock.systemUTC());
        crashing.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> crashing.counters().get("file").recordsSent() >= FIRST_LINES / 4);
        crashing.halt();
        NumberedLines.append(log, FIRST_LINES, FIRST_LINES + LATER_LINES);
        try (Shipper restarted = new Shipper(config, Clock.systemUTC());
                TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), topic)) {
            restarted.start();

            List<Event> events = reader.readUntil(e -> distinctIds(e, Source.FILE) == FIRST_LINES + LATER_LINES
                    && distinctIds(e, Source.JOURNALD) == JOURNAL_ENTRIES, Duration.ofSeconds(120));

            Set<String> missing = IntStream.range(0, FIRST_LINES + LATER_LINES)
                    .mapToObj(NumberedLines::line).collect(Collectors.toCollection(TreeSet::new));
            missing.removeAll(messagesOf(events, Source.FILE));
            assertEquals(Set.of(), missing, "lines not in Kafka");
            assertEquals(JOURNAL_ENTRIES, messagesOf(events, Source.JOURNALD).size());
            assertOneIdPerPosition(events);
            assertTrue(events.stream().anyMatch(e -> e.isShipperEvent("heartbeat")), "heartbeats shipped too");
            assertEquals("rivet-worker.service", events.stream().filter(e -> e.source() == Source.JOURNALD)
                    .findFirst().orElseThrow().unit());
        }
    }

    private static long distinctIds(List<Event> events, Source source) {
        return events.stream().filter(e -> e.source() == source).map(Event::id).distinct().count();
    }

    private static Set<String> messagesOf(List<Event> events, Source source) {
        return events.stream().filter(e -> e.source() == source).map(Event::message)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A record resent after the crash carries the id it had the first time. */
    private static void assertOneIdPerPosition(List<Event> events) {
        Map<String, Set<String>> idsByPosition = events.stream()
                .filter(e -> e.source() == Source.FILE || e.source() == Source.JOURNALD)
                .collect(Collectors.groupingBy(e -> e.source() == Source.FILE ? "offset:" + e.offset() : e.cursor(),
                        Collectors.mapping(Event::id, Collectors.toSet())));
        idsByPosition.forEach((position, ids) -> assertEquals(1, ids.size(), position + " has ids " + ids));
    }
}
