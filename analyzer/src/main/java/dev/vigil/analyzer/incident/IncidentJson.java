package dev.vigil.analyzer.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The JSON form of {@link Incident} (see {@code docs/schema/incident.schema.json}): snake_case
 * field names, ISO-8601 UTC times, absent optional fields left out.
 */
public final class IncidentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // incidents from a newer analyzer may carry more fields; a reader keeps working
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Built once: looking the type up on every record shows in a replay's profile. */
    private static final ObjectWriter WRITER = MAPPER.writerFor(Incident.class);
    private static final ObjectReader READER = MAPPER.readerFor(Incident.class);

    private IncidentJson() {}

    /** The incident as one line of JSON. */
    public static String toJson(Incident incident) {
        try {
            return MAPPER.writeValueAsString(incident);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an incident always serialises", e);
        }
    }

    /** Parses an incident record. */
    public static Incident parse(byte[] json) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an incident record: " + e.getMessage(), e);
        }
    }

    /** Kafka serde for the {@code vigil.incidents} topic values. */
    public static Serde<Incident> serde() {
        Serializer<Incident> ser = (topic, incident) -> incident == null ? null : toBytes(incident);
        Deserializer<Incident> de = (topic, bytes) -> bytes == null ? null : parse(bytes);
        return Serdes.serdeFrom(ser, de);
    }

    private static byte[] toBytes(Incident incident) {
        try {
            return WRITER.writeValueAsBytes(incident);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an incident always serialises", e);
        }
    }
}
