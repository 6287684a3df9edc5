package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.journald.JournalExportFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of a shipper process while it ships a file and a journal, again and again: after the
 * last restart every line is in Kafka, and counting distinct ids gives exactly the number written.
 * Sized for a shared 2-core build machine (100,000 lines, 5 kills); the numbers are constants.
 */
@Tag("integration")
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class KillNineIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final String TOPIC = "events-kill9";
    private static final int LINES = 100_000;
    private static final int JOURNAL_ENTRIES = 300;
    private static final int KILLS = 5;

    @TempDir Path dir;

    /** Distinct ids seen so far, updated from the new records only. */
    private static final class Tally {
        private final Set<String> fileIds = new HashSet<>();
        private final Set<String> journalIds = new HashSet<>();
        private final Map<Long, String> idByOffset = new HashMap<>();
        private final BitSet lines = new BitSet(LINES);
        private int seen;
        private int conflicts;

        boolean update(List<Event> events) {
            for (; seen < events.size(); seen++) {
                Event e = events.get(seen);
                if (e.source() == Source.FILE) {
                    fileIds.add(e.id());
                    lines.set(Integer.parseInt(e.message().substring("line-".length())));
                    String before = idByOffset.putIfAbsent(e.offset(), e.id());
                    if (before != null && !before.equals(e.id())) {
                        conflicts++;
                    }
                } else if (e.source() == Source.JOURNALD) {
                    journalIds.add(e.id());
                }
            }
            return true;
        }
    }

    private Path writeInputs() throws Exception {
        try (Writer w = Files.newBufferedWriter(dir.resolve("app.log"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                w.write(String.format("line-%d%n", i));
            }
        }
        JournalExportFile export = new JournalExportFile();
        for (int i = 0; i < JOURNAL_ENTRIES; i++) {
            export.field("__REALTIME_TIMESTAMP", Long.toString(1773454267000000L + i * 1000L))
                    .field("__MONOTONIC_TIMESTAMP", Long.toString(1000L + i))
                    .field("_BOOT_ID", "0407d3cf01864e81b2b7aa77d3597014")
                    .field("MESSAGE", "journal-" + i)
                    .endEntry();
        }
        return export.writeJournal(dir.resolve("system.journal"));
    }

    private Process startShipper(Path journal) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ShipperProcessMain.class.getName(),
                dir.resolve("state").toString(), KAFKA.bootstrapServers(), TOPIC,
                dir.resolve("app.log").toString(), journal.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("shipper.out").toFile()))
                .start();
    }

    @Test
    void shouldHaveEveryLineOnceByIdAfterRepeatedKillNine() throws Exception {
        JournalExportFile.assumeToolsInstalled();
        KAFKA.createTopic(TOPIC, 2);
        Path journal = writeInputs();
        Tally tally = new Tally();
        long resent;
        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), TOPIC)) {
            for (int kill = 1; kill <= KILLS; kill++) {
                Process shipper = startShipper(journal);
                int target = Math.min(LINES, tally.fileIds.size() + LINES / (KILLS + 2));
                reader.readUntil(events -> tally.update(events) && tally.fileIds.size() >= target,
                        Duration.ofSeconds(60));
                shipper.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no flush
            }
            Process last = startShipper(journal);
            try {
                reader.readUntil(events -> tally.update(events) && tally.fileIds.size() >= LINES
                        && tally.journalIds.size() >= JOURNAL_ENTRIES, Duration.ofSeconds(180));
            } finally {
                last.destroy();
                last.waitFor(30, TimeUnit.SECONDS);
            }
            resent = reader.events().stream().filter(e -> e.source() != Source.SHIPPER).count()
                    - tally.fileIds.size() - tally.journalIds.size();
        }

        LoggerFactory.getLogger(KillNineIT.class).info("Shipper killed {} times lines={} journalEntries={} resent={}",
                KILLS, LINES, JOURNAL_ENTRIES, resent);
        assertEquals(LINES, tally.fileIds.size(), "distinct file ids");
        assertEquals(LINES, tally.lines.cardinality(), "distinct lines");
        assertEquals(JOURNAL_ENTRIES, tally.journalIds.size(), "distinct journal ids");
        assertEquals(0, tally.conflicts, "offsets shipped under two ids");
        assertTrue(resent > 0, "the kills made the shipper resend records: " + resent);
    }
}
