package dev.vigil.analyzer.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.journald.JournalEntryMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code journalctl -o json} lines, mapped as the journald shipper maps them. Kernel messages the
 * journal holds ({@code _TRANSPORT=kernel} with the kernel's facility) count as kernel events when no kernel log of the
 * same host is replayed beside it, and are left out when one is (each kernel line counts once).
 */
final class JournalJsonReader extends LineReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JournalEntryMapper mapper;
    private final boolean kernelFromJournal;

    JournalJsonReader(Path path, String fallbackHost, boolean kernelFromJournal, BadRecords bad) throws IOException {
        super(path, bad);
        this.mapper = new JournalEntryMapper(fallbackHost);
        this.kernelFromJournal = kernelFromJournal;
    }

    @Override
    public Event next() throws IOException {
        LineSource.Line line;
        while ((line = nextWhole("entry")) != null) {
            try {
                JsonNode entry = MAPPER.readTree(line.text());
                boolean kernel = isKernels(entry);
                if (kernel && !kernelFromJournal) {
                    continue;
                }
                Event e = bad.admit(mapper.toEvent(entry), line.number());
                if (e != null) {
                    return kernel ? e.toBuilder().source(Source.KERNEL).build() : e;
                }
            } catch (Exception e) {
                bad.skip(line.number(), reasonOf(e));
            }
        }
        return null;
    }

    /**
     * Whether an entry is a kernel message: read from /dev/kmsg ({@code _TRANSPORT=kernel}) with the
     * kernel's facility. A program that writes to /dev/kmsg itself, as systemd does before journald runs
     * or when it cannot reach it, has its own facility ({@code SYSLOG_FACILITY=3}): its line is the
     * program's, as if it had reached the journal.
     */
    private static boolean isKernels(JsonNode entry) {
        String facility = entry.path("SYSLOG_FACILITY").asText("0");
        return "kernel".equals(entry.path("_TRANSPORT").asText()) && (facility.isEmpty() || facility.equals("0"));
    }

    /** The parser's or mapper's message; Jackson's names the JSON position, not the line, which bad records give. */
    private static String reasonOf(Exception e) {
        if (e instanceof JsonProcessingException j) {
            return "not JSON: " + j.getOriginalMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
