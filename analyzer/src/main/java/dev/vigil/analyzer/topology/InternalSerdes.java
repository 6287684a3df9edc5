package dev.vigil.analyzer.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Formats of the analyzer's internal (repartition) topics: the event JSON of {@code vigil.events},
 * and for a signed event that JSON, a newline, and the signature as JSON (event JSON never holds
 * a raw newline, so the first one splits them).
 */
final class InternalSerdes {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte NEWLINE = '\n';

    private InternalSerdes() {}

    static Serde<Event> events() {
        return Serdes.serdeFrom((topic, e) -> e == null ? null : EventJson.toBytes(e),
                (topic, bytes) -> bytes == null ? null : EventJson.parse(bytes));
    }

    static Serde<EngineInput> signedEvents() {
        return Serdes.serdeFrom((topic, input) -> input == null ? null : toBytes(input),
                (topic, bytes) -> bytes == null ? null : parse(bytes));
    }

    static byte[] toBytes(EngineInput input) {
        try {
            byte[] event = EventJson.toBytes(input.event());
            byte[] signature = MAPPER.writeValueAsBytes(input.signature());
            byte[] out = Arrays.copyOf(event, event.length + 1 + signature.length);
            out[event.length] = NEWLINE;
            System.arraycopy(signature, 0, out, event.length + 1, signature.length);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode signed event id=" + input.event().id(), e);
        }
    }

    static EngineInput parse(byte[] bytes) {
        int split = 0;
        while (split < bytes.length && bytes[split] != NEWLINE) {
            split++;
        }
        Event event = EventJson.parse(Arrays.copyOf(bytes, split));
        if (split >= bytes.length) {
            return EngineInput.unsigned(event);
        }
        try {
            MinedSignature signature = MAPPER.readValue(bytes, split + 1, bytes.length - split - 1, MinedSignature.class);
            return new EngineInput(event, signature);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable signature of event id=" + event.id(), e);
        }
    }
}
