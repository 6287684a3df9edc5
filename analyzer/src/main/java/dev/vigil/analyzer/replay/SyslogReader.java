package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.syslog.SyslogEventMapper;
import dev.vigil.shippers.syslog.SyslogLine;
import dev.vigil.shippers.syslog.SyslogLineParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A syslog text file ({@code /var/log/syslog}, {@code messages}, {@code kern.log}) or a
 * {@code journalctl -o short*} export: kernel lines become kernel events, the others journald
 * events, as the file shipper makes them when it tails such a file. The file's last change gives
 * the year of stamps without one, unless journalctl's header or {@code systemctl status} output pasted
 * before the lines says when they were ({@link StatusBlock}); journalctl's indented continuation lines
 * join their entry.
 */
final class SyslogReader extends LineReader {
    private final String host;
    /** The year of stamps without one: the file's last change, or the last journalctl header's or status block's time. */
    private Instant reference;
    private final SyslogLineParser parser;
    private final ZoneId zone;
    private final SyslogEventMapper mapper = new SyslogEventMapper();
    /** Ids by byte offset: the stream's part of every id is encoded once. */
    private final EventIds.Stream ids;
    private LineSource.Line lookahead;

    /** @param bootedAt when the host booted, for {@code journalctl -o short-monotonic} stamps; null for other files */
    SyslogReader(Path path, String host, String streamName, ZoneId zone, Instant bootedAt, BadRecords bad) throws IOException {
        super(path, bad);
        this.host = host;
        this.ids = EventIds.forStream(host, Source.FILE, streamName);
        this.reference = Files.getLastModifiedTime(path).toInstant();
        this.parser = new SyslogLineParser(zone, bootedAt);
        this.zone = zone;
    }

    /** Whether the file is {@code journalctl -o short-monotonic} output, whose stamps count from the boot. */
    static boolean countsFromBoot(Path path) throws IOException {
        try (LineSource scan = new LineSource(path)) {
            LineSource.Line line;
            while ((line = scan.next()) != null) {
                String text = line.text();
                if (StatusBlock.isHeader(text)) {
                    StatusBlock.skip(scan);
                } else if (!text.isBlank() && !SyslogLineParser.isJournalMarker(text)) {
                    return SyslogLineParser.isShortMonotonic(text);
                }
            }
        }
        return false;
    }

    @Override
    public Event next() throws IOException {
        LineSource.Line line = lookahead != null ? lookahead : lines.next();
        lookahead = null;
        Optional<SyslogLine> parsed = Optional.empty();
        while (line != null && (parsed = parsed(line.text())).isEmpty()) {
            if (StatusBlock.isHeader(line.text())) {
                StatusBlock.Skipped block = StatusBlock.skip(lines);
                reference = block.since() != null ? block.since() : reference;
                line = block.next();
                continue;
            }
            if (SyslogLineParser.isJournalMarker(line.text())) {
                reference = SyslogLineParser.journalEnd(line.text()).map(end -> end.atZone(zone).toInstant()).orElse(reference);
            } else if (!line.text().isBlank()) {
                bad.skip(line.number(), "not a syslog line");
            }
            line = lines.next();
        }
        if (line == null) {
            return null;
        }
        StringBuilder continuation = null;
        LineSource.Line next;
        while ((next = lines.next()) != null && SyslogLineParser.continues(next.text())) {
            continuation = continuation == null ? new StringBuilder() : continuation.append('\n');
            continuation.append(next.text());
        }
        lookahead = next;
        return mapper.toEvent(parsed.get(), continuation == null ? null : continuation.toString(), host)
                .id(ids.at(line.offset()))
                .build();
    }

    private Optional<SyslogLine> parsed(String text) {
        return text.isBlank() || SyslogLineParser.continues(text) ? Optional.empty() : parser.parse(text, reference);
    }
}
