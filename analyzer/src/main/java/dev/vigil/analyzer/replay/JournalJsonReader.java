package dev.vigil.analyzer.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.journald.JournalEntryMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code journalctl -o json} lines, mapped as the journald shipper maps them. Kernel messages the
 * journal holds ({@code _TRANSPORT=kernel}) count as kernel events when no kernel log of the
 * same host is replayed beside it, and are left out when one is (each kernel line counts once).
 */
final class JournalJsonReader extends LineReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JournalEntryMapper mapper;
    private final boolean kernelFromJournal;

    JournalJsonReader(Path path, String fallbackHost, boolean kernelFromJournal) throws IOException {
        super(path);
        this.mapper = new JournalEntryMapper(fallbackHost);
        this.kernelFromJournal = kernelFromJournal;
    }

    @Override
    public Event next() throws IOException {
        LineSource.Line line;
        while ((line = lines.next()) != null) {
            if (line.text().isBlank()) {
                continue;
            }
            try {
                JsonNode entry = MAPPER.readTree(line.text());
                boolean kernel = "kernel".equals(entry.path("_TRANSPORT").asText());
                if (kernel && !kernelFromJournal) {
                    continue;
                }
                Event e = mapper.toEvent(entry);
                return kernel ? e.toBuilder().source(Source.KERNEL).build() : e;
            } catch (Exception e) {
                skipped++;
            }
        }
        return null;
    }
}
