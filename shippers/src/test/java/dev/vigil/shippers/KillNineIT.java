package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.shippers.journald.JournalExportFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of a shipper process, ten times, while it ships a million file lines and a journal:
 * after the last restart every line is in Kafka at least once, and counting distinct ids gives
 * exactly the number of lines and journal entries written. The topic is tallied as it is read,
 * keeping no records, so the test stays small in memory at this size.
 */
@Tag("integration")
@Timeout(value = 400, unit = TimeUnit.SECONDS)
class KillNineIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final String TOPIC = "events-kill9";
    private static final int LINES = 1_000_000;
    private static final int JOURNAL_ENTRIES = 20_000;
    private static final int KILLS = 10;
    /** New distinct lines each shipper run must add before it is killed: the file, split in twelve. */
    private static final int LINES_PER_RUN = LINES / (KILLS + 2);

    @TempDir Path dir;

    /** What the topic says so far: distinct ids, which lines and entries arrived, and contradictions. */
    private static final class Tally {
        private static final JsonFactory JSON = new JsonFactory();
        private final DistinctIds lineIds = new DistinctIds(LINES);
        private final DistinctIds entryIds = new DistinctIds(JOURNAL_ENTRIES);
        private final BitSet lines = new BitSet(LINES);
        private final BitSet entries = new BitSet(JOURNAL_ENTRIES);
        /** The id each line was first shipped under, as two halves; a resend must repeat it. */
        private final long[] idHigh = new long[LINES];
        private final long[] idLow = new long[LINES];
        private final long[] offsetOfLine;
        /** File and journal records read, resends included. */
        private long records;
        private int contradictions;

        Tally(long[] offsetOfLine) {
            this.offsetOfLine = offsetOfLine;
        }

        void add(ConsumerRecord<String, byte[]> record) {
            Fields f = Fields.of(record.value());
            if (f.source.equals("file")) {
                records++;
                addLine(f);
            } else if (f.source.equals("journald")) {
                records++;
                entryIds.add(f.id);
                entries.set(Integer.parseInt(f.message.substring("journal-".length())));
            }
        }

        private void addLine(Fields f) {
            lineIds.add(f.id);
            int line = Integer.parseInt(f.message.substring("line-".length()));
            long high = Long.parseUnsignedLong(f.id, 0, 16, 16);
            long low = Long.parseUnsignedLong(f.id, 16, 32, 16);
            if (f.offset != offsetOfLine[line]) {
                contradictions++; // shipped with the wrong offset
            }
            if (!lines.get(line)) {
                lines.set(line);
                idHigh[line] = high;
                idLow[line] = low;
            } else if (idHigh[line] != high || idLow[line] != low) {
                contradictions++; // resent under another id
            }
        }

        boolean hasEverything() {
            return lines.cardinality() >= LINES && entries.cardinality() >= JOURNAL_ENTRIES;
        }
    }

    /** The fields of an event the tally needs, read without building the event. */
    private record Fields(String id, String source, String message, long offset) {
        static Fields of(byte[] json) {
            String id = null;
            String source = null;
            String message = null;
            long offset = -1;
            try (JsonParser p = Tally.JSON.createParser(json)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "id" -> id = p.getText();
                        case "source" -> source = p.getText();
                        case "message" -> message = p.getText();
                        case "offset" -> offset = p.getLongValue();
                        default -> p.skipChildren();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Fields(id, source, message, offset);
        }
    }

    /** Writes the app log; returns each line's byte offset. */
    private long[] writeLog() throws IOException {
        long[] offsets = new long[LINES];
        long at = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("app.log")), 1 << 16)) {
            for (int i = 0; i < LINES; i++) {
                byte[] line = ("line-" + i + "\n").getBytes(StandardCharsets.US_ASCII);
                offsets[i] = at;
                out.write(line);
                at += line.length;
            }
        }
        return offsets;
    }

    private Path writeJournal() throws Exception {
        JournalExportFile export = new JournalExportFile();
        for (int i = 0; i < JOURNAL_ENTRIES; i++) {
            export.numberedEntry(i, "0407d3cf01864e81b2b7aa77d3597014").field("MESSAGE", "journal-" + i).endEntry();
        }
        return export.writeJournal(dir.resolve("system.journal"));
    }

    private Process startShipper(Path journal) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
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
        Tally tally = new Tally(writeLog());
        Path journal = writeJournal();
        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), TOPIC)) {
            for (int kill = 1; kill <= KILLS; kill++) {
                Process shipper = startShipper(journal);
                int target = Math.min(LINES, tally.lines.cardinality() + LINES_PER_RUN);
                reader.drainUntil(tally::add, () -> tally.lines.cardinality() >= target, Duration.ofSeconds(90));
                shipper.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                assertTrue(shipper.waitFor(30, TimeUnit.SECONDS), "shipper " + kill + " did not die");
            }
            Process last = startShipper(journal);
            try {
                reader.drainUntil(tally::add, tally::hasEverything, Duration.ofSeconds(120));
            } finally {
                last.destroy();
                last.waitFor(30, TimeUnit.SECONDS);
            }
        }

        long resent = tally.records - tally.lineIds.size() - tally.entryIds.size();
        LoggerFactory.getLogger(KillNineIT.class).info("Shipper killed {} times lines={} journalEntries={} records={} resent={}",
                KILLS, LINES, JOURNAL_ENTRIES, tally.records, resent);
        assertEquals(LINES, tally.lineIds.size(), "distinct ids of file lines");
        assertEquals(JOURNAL_ENTRIES, tally.entryIds.size(), "distinct ids of journal entries");
        assertEquals(LINES, tally.lines.cardinality(), "distinct lines");
        assertEquals(JOURNAL_ENTRIES, tally.entries.cardinality(), "distinct journal entries");
        assertEquals(0, tally.contradictions, "lines shipped under another id or offset");
        assertTrue(resent > 0, "the kills made the shipper resend records: " + resent);
    }
}
