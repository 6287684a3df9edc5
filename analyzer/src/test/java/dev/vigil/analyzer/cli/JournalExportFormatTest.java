package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.shippers.journald.JournalExportFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal export format's fields, text and binary, as journalctl -o json writes them. */
class JournalExportFormatTest {
    @TempDir Path dir;

    @Test
    void shouldWriteEachEntryAsAJsonLineWithMultiLineAndBinaryFields() throws Exception {
        JournalExportFile.assumeToolsInstalled();
        // a traceback logged by a unit holds newlines: the export writes it as a binary field
        String traceback = "Traceback (most recent call last):\n  File \"/opt/rivet/worker.py\", line 3, in <module>\n"
                + "ModuleNotFoundError: No module named 'asyncpg'";
        JournalExportFile export = new JournalExportFile()
                .numberedEntry(1, "9b1f0c6ad4e84f7d8a1c2e3f4a5b6c7d").field("MESSAGE", traceback).field("_SYSTEMD_UNIT", "rivet-worker.service")
                .endEntry()
                .numberedEntry(2, "9b1f0c6ad4e84f7d8a1c2e3f4a5b6c7d").field("MESSAGE", new byte[] {'o', 'k', (byte) 0xff}).endEntry();
        Path journal = export.writeJournal(dir.resolve("x.journal"));
        Path exportFile = journal.resolveSibling("x.journal.export");
        Path out = dir.resolve("out.json");
        List<String> notes = new ArrayList<>();

        assertTrue(JournalExportFormat.is(dev.vigil.shippers.file.Compression.head(exportFile, 64)));
        JournalExportFormat.write(exportFile, "x", out, notes::add);

        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        assertEquals("{\"__REALTIME_TIMESTAMP\":\"1773454267001000\",\"__MONOTONIC_TIMESTAMP\":\"1001\","
                + "\"_BOOT_ID\":\"9b1f0c6ad4e84f7d8a1c2e3f4a5b6c7d\",\"MESSAGE\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(traceback)
                + ",\"_SYSTEMD_UNIT\":\"rivet-worker.service\"}", lines.get(0));
        assertTrue(lines.get(1).contains("\"MESSAGE\":[111,107,255]"), "not UTF-8: bytes, as journalctl's JSON: " + lines.get(1));
        assertEquals(List.of(), notes);
    }

    @Test
    void shouldKeepTheEntriesBeforeAnExportCutInsideAField() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("__REALTIME_TIMESTAMP=1773454267001000\nMESSAGE=first\n\n__REALTIME_TIMESTAMP=1773454267002000\nMESSAGE\n"
                .getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {40, 0, 0, 0, 0, 0, 0, 0, 'c', 'u', 't'});
        Path cut = Files.write(dir.resolve("cut.export"), b.toByteArray());
        Path out = dir.resolve("out.json");
        List<String> notes = new ArrayList<>();

        JournalExportFormat.write(cut, "cut.export", out, notes::add);

        assertEquals(List.of("{\"__REALTIME_TIMESTAMP\":\"1773454267001000\",\"MESSAGE\":\"first\"}"), Files.readAllLines(out));
        assertEquals(List.of("cut.export: the export ends inside a field of entry 2; the 1 entries before it are replayed"), notes);
    }
}
