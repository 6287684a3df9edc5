package dev.vigil.analyzer.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The JSON Schemas in docs/schema describe exactly what the Java side reads and writes. */
class SchemaAgreementTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("..", "docs", "schema");

    @Test
    void eventSchemaShouldListExactlyTheFieldsEventJsonKnows() throws IOException {
        JsonNode schema = read("event.schema.json");

        assertEquals(new TreeSet<>(EventJson.KNOWN_FIELDS), names(schema.get("properties")));
        assertEquals(Set.of("host", "source", "ts", "message"), values(schema.get("required")));
        assertEquals(new TreeSet<>(Arrays.stream(Source.values()).map(Source::wireName).toList()),
                values(schema.get("properties").get("source").get("enum")));
    }

    @Test
    void incidentSchemaShouldListExactlyTheFieldsAFullIncidentSerialisesTo() throws IOException {
        JsonNode schema = read("incident.schema.json");
        Instant t = Instant.parse("2026-01-12T07:38:00Z");
        Incident full = new Incident("id", "restart_burst", "systemd-restart-burst", "critical", Incident.Status.FIRING,
                "vps-1", "rivet-worker.service", 14552, t, t, "summary", "sig", "ModuleNotFoundError: No module named 'asyncpg'",
                List.of(new Incident.Evidence("e", t, "journald", "m")), List.of("r"), Map.of("k", "v"), 2);

        JsonNode json = MAPPER.readTree(IncidentJson.toJson(full));

        assertEquals(names(json), names(schema.get("properties")));
        assertEquals(names(json.get("evidence").get(0)), names(schema.get("properties").get("evidence").get("items").get("properties")));
        assertEquals(Set.of("firing", "resolved"), values(schema.get("properties").get("status").get("enum")));
        assertEquals(Incident.MAX_EVIDENCE, schema.get("properties").get("evidence").get("maxItems").asInt());
    }

    @Test
    void incidentSchemaRequiredFieldsShouldBeThoseAMinimalIncidentAlwaysCarries() throws IOException {
        JsonNode schema = read("incident.schema.json");
        Instant t = Instant.parse("2026-01-12T07:38:00Z");
        Incident minimal = new Incident("id", "oom_kill", "p", "critical", Incident.Status.RESOLVED, "h", null, 1, t, t,
                "s", null, null, null, null, null);

        assertEquals(names(MAPPER.readTree(IncidentJson.toJson(minimal))), values(schema.get("required")));
    }

    private static JsonNode read(String name) throws IOException {
        return MAPPER.readTree(Files.readString(SCHEMAS.resolve(name)));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
