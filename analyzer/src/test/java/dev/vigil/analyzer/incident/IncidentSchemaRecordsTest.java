package dev.vigil.analyzer.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ScenarioFiles;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.compile.IncidentSeverity;
import dev.vigil.patterns.compile.PatternSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real incident records, from every seed scenario replayed with the standard library, against
 * docs/schema/incident.schema.json: required fields, JSON types and every enum. A reader that
 * validates with the schema must accept all that Vigil writes.
 */
class IncidentSchemaRecordsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SCHEMA = Path.of("..", "docs", "schema", "incident.schema.json");

    @Test
    void severityEnumShouldListEverySeverityAPatternMayDeclare() throws IOException {
        JsonNode schema = MAPPER.readTree(Files.readString(SCHEMA));
        Set<String> enumValues = new TreeSet<>();
        schema.get("properties").get("severity").get("enum").forEach(v -> enumValues.add(v.asText()));

        assertEquals(new TreeSet<>(Arrays.stream(IncidentSeverity.values()).map(IncidentSeverity::wireName).toList()), enumValues);
    }

    @Test
    void everyIncidentRecordOfTheSeedScenariosShouldMatchTheSchema() throws IOException {
        JsonNode schema = MAPPER.readTree(Files.readString(SCHEMA));
        PatternSet library = PatternFiles.load(List.of());
        List<String> violations = new ArrayList<>();
        int records = 0;
        for (Path scenario : scenarios()) {
            ScenarioFiles files = ScenarioFiles.read(scenario);
            List<Incident> incidents = new Replay(library, line -> { })
                    .run(files.inputs(), new Replay.Options(files.host(), null)).incidents();
            for (Incident i : incidents) {
                records++;
                check(schema, MAPPER.readTree(IncidentJson.toJson(i)), scenario.getFileName() + " " + i.id(), violations);
            }
        }

        assertTrue(records > 10, "the seed scenarios give incident records: " + records);
        assertEquals(List.of(), violations);
    }

    /** Checks {@code value} against the parts of JSON Schema the incident schema uses. */
    private static void check(JsonNode schema, JsonNode value, String where, List<String> violations) {
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                violations.add(where + ": " + value + " not in " + schema.get("enum"));
            }
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            violations.add(where + ": " + value.getNodeType() + " is not " + schema.get("type").asText());
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            violations.add(where + ": " + value.size() + " items, more than " + schema.get("maxItems"));
        }
        if (schema.has("required")) {
            schema.get("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    violations.add(where + ": no " + r.asText());
                }
            });
        }
        if (schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode sub = schema.get("properties").get(field.getKey());
                if (sub != null) {
                    check(sub, field.getValue(), where + "." + field.getKey(), violations);
                }
            }
        }
        if (schema.has("items") && value.isArray()) {
            value.forEach(item -> check(schema.get("items"), item, where + "[]", violations));
        }
        if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject() && value.isObject()) {
            value.fields().forEachRemaining(f -> check(schema.get("additionalProperties"), f.getValue(), where + "." + f.getKey(), violations));
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            default -> true;
        };
    }

    private static List<Path> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("..", "scenarios"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("expected.json"))).sorted().toList();
        }
    }
}
