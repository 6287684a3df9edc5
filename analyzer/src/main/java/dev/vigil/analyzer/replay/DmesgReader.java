package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.kmsg.BootClock;
import dev.vigil.shippers.kmsg.DmesgTextParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/** {@code dmesg} text, with seconds-since-boot or {@code -T} stamps. */
final class DmesgReader implements EventReader {
    private final LineSource lines;
    private final String host;
    private final BootClock boot;
    private final DmesgTextParser parser;
    private LineSource.Line lookahead;
    private final BadRecords bad;

    DmesgReader(Path path, String host, BootClock boot, ZoneId zone, BadRecords bad) throws IOException {
        this.lines = new LineSource(path, bad);
        this.bad = bad;
        this.host = host;
        this.boot = boot;
        this.parser = new DmesgTextParser(boot.bootedAt(), zone);
    }

    @Override
    public Event next() throws IOException {
        return EventReader.untilEvent(this::read, () -> lookahead != null);
    }

    /** The next record, or null at the end or when the next record is skipped (then {@code lookahead} is set). */
    private Event read() throws IOException {
        LineSource.Line line = lookahead != null ? lookahead : lines.next();
        lookahead = null;
        Optional<DmesgTextParser.DmesgLine> parsed = Optional.empty();
        while (line != null && (line.text().isBlank() || (parsed = parser.parse(line.text())).isEmpty())) {
            if (!line.text().isBlank()) {
                bad.skip(line.number(), "not a dmesg line (text before the first stamped line belongs to no record)");
            }
            line = lines.next();
        }
        if (line == null) {
            return null;
        }
        long offset = line.offset();
        StringBuilder message = new StringBuilder(parsed.get().message());
        // dmesg prints the continuation lines of a multi-line record (Mem-Info, call traces) unstamped
        LineSource.Line next;
        while ((next = lines.next()) != null && !next.text().isBlank() && parser.parse(next.text()).isEmpty()) {
            if (message.length() + next.text().length() < LineSource.MAX_LINE_BYTES) {
                message.append('\n').append(next.text().strip());
            }
        }
        lookahead = next;
        DmesgTextParser.DmesgLine d = parsed.get();
        if (!bad.admits(d.ts(), line.number())) {
            return null;
        }
        return Event.builder(host, Source.KERNEL, d.ts(), message.toString())
                .id(EventIds.of(host, Source.KERNEL, boot.bootId(), "dmesg@" + offset))
                .priority(d.priority())
                .facility(d.facility())
                .bootId(boot.bootId())
                .build();
    }

    @Override
    public long skipped() {
        return bad.skipped();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
