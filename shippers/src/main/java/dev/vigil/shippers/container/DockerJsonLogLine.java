package dev.vigil.shippers.container;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Docker's json-file log driver's records, one JSON object a line in
 * {@code /var/lib/docker/containers/<id>/<id>-json.log}:
 * {@code {"log":"output\n","stream":"stderr","attrs":{...},"time":"2019-04-02T10:00:00.123456789Z"}}
 * (moby {@code daemon/logger/jsonfilelog/jsonlog/jsonlogbytes.go} writes the members in this
 * order; {@code attrs} only with {@code --log-opt labels|env|tag}). moby's copier cuts output
 * longer than 16 KiB into several messages, and {@code jsonfilelog.go} ends a record's {@code log}
 * with a newline only at the end of a whole line: a record without one is partial.
 */
final class DockerJsonLogLine {
    private static final JsonFactory JSON = new JsonFactory();

    private DockerJsonLogLine() {}

    /** The record of {@code line}, or null when it is not a json-file record (no {@code log} or {@code time}). */
    static ContainerRecord parse(String line) {
        // cheap rejection first: Docker writes no space before the brace and starts with a member
        if (line.length() < 10 || line.charAt(0) != '{' || line.charAt(1) != '"') {
            return null;
        }
        String log = null;
        String stream = "stdout";
        Instant time = null;
        Map<String, String> attrs = Map.of();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "log" -> log = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "stream" -> stream = value == JsonToken.VALUE_STRING ? p.getText() : stream;
                    case "time" -> time = value == JsonToken.VALUE_STRING ? CriLogLine.time(p.getText()) : null;
                    case "attrs" -> attrs = attrs(p, value);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || log == null || time == null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        boolean whole = log.endsWith("\n");
        String content = whole ? log.substring(0, log.length() - (log.endsWith("\r\n") ? 2 : 1)) : log;
        return new ContainerRecord(time, stream, !whole, content, attrs);
    }

    private static Map<String, String> attrs(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isScalarValue()) {
                attrs.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return attrs;
    }
}
