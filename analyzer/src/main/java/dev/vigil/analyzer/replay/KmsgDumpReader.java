package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.shippers.kmsg.BootClock;
import dev.vigil.shippers.kmsg.KmsgFormatException;
import dev.vigil.shippers.kmsg.KmsgRecordParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A dump of /dev/kmsg records ({@code cat /dev/kmsg > file}): a record line, then its
 * {@code " KEY=value"} continuation lines; monotonic stamps become wall time with the boot time.
 */
final class KmsgDumpReader extends LineReader {
    private final String host;
    private final BootClock boot;
    private LineSource.Line pending;

    KmsgDumpReader(Path path, String host, BootClock boot, BadRecords bad) throws IOException {
        super(path, bad);
        this.host = host;
        this.boot = boot;
    }

    @Override
    public Event next() throws IOException {
        while (true) {
            LineSource.Line first = pending != null ? pending : lines.next();
            pending = null;
            if (first == null) {
                return null;
            }
            if (first.text().isBlank() || first.text().startsWith(" ")) {
                continue; // a continuation line without its record: the dump started mid-record
            }
            StringBuilder record = new StringBuilder(first.text()).append('\n');
            LineSource.Line next;
            while ((next = lines.next()) != null && next.text().startsWith(" ")) {
                if (record.length() + next.text().length() < LineSource.MAX_LINE_BYTES) {
                    record.append(next.text()).append('\n');
                }
            }
            pending = next;
            try {
                Event e = bad.admit(KmsgRecordParser.parse(record.toString().getBytes(StandardCharsets.UTF_8))
                        .toEvent(host, boot), first.number());
                if (e != null) {
                    return e;
                }
            } catch (KmsgFormatException | IllegalArgumentException e) {
                bad.skip(first.number(), e.getMessage());
            }
        }
    }
}
