package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.shippers.file.Compression;
import dev.vigil.shippers.journald.JournalExportFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** journalctl -o verbose read back into the entries journalctl -o json gives. */
class JournalVerboseFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/replay/syslog");

    @TempDir Path dir;

    @Test
    void shouldGiveEveryEntryWithItsFieldsAndTheCursorsTimes() throws Exception {
        // systemd 252's verbose output of the same entries as the JSON fixture (SOURCES)
        Path verbose = FIXTURES.resolve("crash-loop-and-oom.verbose");
        Path out = dir.resolve("out.json");
        List<String> notes = new ArrayList<>();

        assertTrue(JournalVerboseFormat.is(Compression.head(verbose, 4096)));
        JournalVerboseFormat.write(verbose, "v", out, notes::add);

        List<String> json = Files.readAllLines(FIXTURES.resolve("crash-loop-and-oom.journal.json"));
        List<String> written = Files.readAllLines(out);
        assertEquals(json.size(), written.size());
        for (int i = 0; i < json.size(); i++) {
            JsonNode want = MAPPER.readTree(json.get(i));
            JsonNode got = MAPPER.readTree(written.get(i));
            want.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("__CURSOR")) {
                    assertEquals(f.getValue().asText(), got.path(f.getKey()).asText(), f.getKey() + " of " + got);
                }
            });
        }
        assertEquals(List.of(), notes);
    }

    @Test
    void shouldJoinAMultiLineValueAndLeaveOutABlob() throws Exception {
        JournalExportFile.assumeToolsInstalled();
        String traceback = "Traceback (most recent call last):\n  File \"/opt/rivet/worker.py\", line 3, in <module>\n"
                + "ModuleNotFoundError: No module named 'asyncpg'";
        Path journal = new JournalExportFile()
                .numberedEntry(1, "9b1f0c6ad4e84f7d8a1c2e3f4a5b6c7d").field("MESSAGE", traceback)
                .field("_SYSTEMD_UNIT", "rivet-worker.service").field("BLOB", new byte[] {1, 2, 3}).endEntry()
                .writeJournal(dir.resolve("x.journal"));
        Path verbose = dir.resolve("x.verbose");
        Process p = new ProcessBuilder(JournalExportFile.JOURNALCTL.toString(), "--file=" + journal, "-o", "verbose", "--utc")
                .redirectOutput(verbose.toFile()).start();
        assertEquals(0, p.waitFor());
        Path out = dir.resolve("out.json");
        List<String> notes = new ArrayList<>();

        JournalVerboseFormat.write(verbose, "x", out, notes::add);

        JsonNode entry = MAPPER.readTree(Files.readAllLines(out).get(0));
        assertEquals(traceback, entry.path("MESSAGE").asText());
        assertEquals("rivet-worker.service", entry.path("_SYSTEMD_UNIT").asText());
        assertEquals("1773454267001000", entry.path("__REALTIME_TIMESTAMP").asText());
        assertFalse(entry.has("BLOB"), "journalctl prints a blob's size, not its bytes: " + entry);
        assertEquals(List.of(), notes);
    }

    @Test
    void shouldNameLinesThatAreNotItsAndKeepTheEntries() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(FIXTURES.resolve("crash-loop-and-oom.verbose")));
        lines.add(3, "this line was pasted in by hand");
        Path verbose = Files.write(dir.resolve("edited.verbose"), lines);
        Path out = dir.resolve("out.json");
        List<String> notes = new ArrayList<>();

        JournalVerboseFormat.write(verbose, "edited.verbose", out, notes::add);

        assertEquals(30, Files.readAllLines(out).size());
        assertEquals(List.of("edited.verbose: 1 line(s) are not journalctl -o verbose output (the first is line 4) and are left out"),
                notes);
    }

    @Test
    void shouldNotTakeOtherTextForIt() {
        assertFalse(JournalVerboseFormat.is("Mar 24 18:41:04 web1 kernel: Out of memory\n".getBytes()));
        assertFalse(JournalVerboseFormat.is("{\"MESSAGE\":\"x\"}\n".getBytes()));
    }
}
