package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.InvalidEventException;
import java.io.IOException;
import java.nio.file.Path;

/** Vigil event JSON lines, as consumed from {@code vigil.events}. */
final class EventJsonReader extends LineReader {
    EventJsonReader(Path path, BadRecords bad) throws IOException {
        super(path, bad);
    }

    @Override
    public Event next() throws IOException {
        LineSource.Line line;
        while ((line = nextWhole("event")) != null) {
            try {
                Event e = bad.admit(EventJson.parse(line.text()), line.number());
                if (e != null) {
                    return e;
                }
            } catch (InvalidEventException e) {
                bad.skip(line.number(), e.getMessage());
            }
        }
        return null;
    }
}
