package dev.vigil.shippers.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.event.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldRedactSecretsInTheRawTextAndReasonOfADeadLetter() throws Exception {
        String line = "{\"MESSAGE\":\"export GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a and db postgres://u:pw123@db/x\"";
        DeadLetter letter = new DeadLetter("h", Source.FILE, "/var/log/app.log@0",
                "bad JSON near 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'", line.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-03-02T09:00:00Z"));

        for (byte[] json : new byte[][] {letter.toJson(), letter.toJson(200)}) {
            String text = new String(json, StandardCharsets.UTF_8);
            assertFalse(text.contains("ghp_16C7"), text);
            assertFalse(text.contains("pw123"), text);
        }
        JsonNode n = MAPPER.readTree(letter.toJson());
        assertEquals("{\"MESSAGE\":\"export GITHUB_TOKEN=*** and db postgres://u:***@db/x\"", n.get("raw_text").asText());
        assertEquals("bad JSON near '***'", n.get("reason").asText());
    }
}
