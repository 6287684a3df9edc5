package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.InvalidEventException;
import java.io.IOException;
import java.nio.file.Path;

/** Vigil event JSON lines, as consumed from {@code vigil.events}. */
final class EventJsonReader extends LineReader {
    EventJsonReader(Path path) throws IOException {
        super(path);
    }

    @Override
    public Event next() throws IOException {
        LineSource.Line line;
        while ((line = lines.next()) != null) {
            if (line.text().isBlank()) {
                continue;
            }
            try {
                return EventJson.parse(line.text());
            } catch (InvalidEventException e) {
                skipped++;
            }
        }
        return null;
    }
}
