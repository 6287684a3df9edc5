package dev.vigil.analyzer.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.patterns.event.EventJson;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a line of Vigil event JSON from any other JSON object line (an application's zap, pino or
 * slog log): an event names every field {@link EventJson#REQUIRED_FIELDS} lists at its top level.
 * Their values are not checked here: an event with a bad value is still an event, which replay
 * reports as bad rather than reading the file as an application's log.
 */
final class EventFields {
    private static final JsonFactory JSON = new JsonFactory();

    private EventFields() {}

    /** True when {@code line} is a JSON object whose top level has every required field (JSON broken after them counts). */
    static boolean present(String line) {
        if (!line.startsWith("{")) {
            return false;
        }
        Set<String> missing = new HashSet<>(EventJson.REQUIRED_FIELDS);
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (String name = p.nextFieldName(); name != null && !missing.isEmpty(); name = p.nextFieldName()) {
                missing.remove(name);
                p.nextToken();
                p.skipChildren();
            }
        } catch (IOException e) {
            // cut short or broken further on: what was read before decides
        }
        return missing.isEmpty();
    }
}
