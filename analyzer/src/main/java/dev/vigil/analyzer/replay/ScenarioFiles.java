package dev.vigil.analyzer.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario folder ({@code scenarios/NNN-name/}): the inputs its {@code expected.json} lists,
 * with each input's format, the app's own file name, and the boot of kernel logs.
 */
public record ScenarioFiles(Path dir, String host, List<ReplayInput> inputs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ScenarioFiles {
        inputs = List.copyOf(inputs);
    }

    /** Reads {@code dir/expected.json}. */
    public static ScenarioFiles read(Path dir) throws IOException {
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        List<ReplayInput> inputs = new ArrayList<>();
        for (JsonNode in : expected.get("inputs")) {
            inputs.add(new ReplayInput(dir.resolve(in.get("path").asText()),
                    InputFormat.parse(in.get("format").asText()),
                    text(in, "file"),
                    in.has("boot_time") ? Instant.parse(in.get("boot_time").asText()) : null,
                    text(in, "boot_id"),
                    in.has("timezone") ? ZoneId.of(in.get("timezone").asText()) : null));
        }
        return new ScenarioFiles(dir, text(expected, "host"), inputs);
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : null;
    }
}
