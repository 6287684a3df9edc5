package dev.vigil.shippers.produce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.redact.Redactor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Input a source could not turn into an event, bound for {@code vigil.deadletter}: the reason,
 * where it came from, and the raw bytes (as text when they are UTF-8, else base64). The text and the
 * reason go out with the built-in redactions applied (a shipper loads no pattern files), so a
 * line that could not be parsed does not carry its password into the dead-letter topic.
 *
 * @param host host the input was read on
 * @param source the source that read it
 * @param origin where in the source: file path and offset, journal cursor, kmsg seq
 * @param reason why it could not be parsed
 * @param raw the input as read
 * @param at when the shipper gave up on it
 */
public record DeadLetter(String host, Source source, String origin, String reason, byte[] raw, Instant at) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public DeadLetter {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(at, "at");
        raw = raw.clone();
    }

    /** The JSON value written to the dead-letter topic, whatever its size. */
    public byte[] toJson() {
        return toJson(raw, false);
    }

    /**
     * The JSON value, its raw input cut from the end (flag {@code raw_truncated}, with the whole
     * input's length in {@code raw_bytes}) until it fits in {@code maxBytes}.
     */
    public byte[] toJson(int maxBytes) {
        byte[] json = toJson(raw, false);
        if (json.length <= maxBytes) {
            return json;
        }
        return FitToSize.cut(raw.length, maxBytes, keep -> toJson(Arrays.copyOf(raw, keep), true), keep -> {
            while (keep > 0 && keep < raw.length && (raw[keep] & 0xC0) == 0x80) {
                keep--; // not inside a UTF-8 sequence, so cut text stays text
            }
            return keep;
        });
    }

    private byte[] toJson(byte[] input, boolean truncated) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("host", host);
        n.put("source", source.wireName());
        if (origin != null) {
            n.put("origin", origin);
        }
        n.put("reason", Redactor.defaults().redact(reason));
        n.put("ts", at.toString());
        try {
            n.put("raw_text", Redactor.defaults().redact(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input)).toString()));
        } catch (CharacterCodingException e) {
            n.put("raw_base64", Base64.getEncoder().encodeToString(input));
        }
        if (truncated) {
            n.put("raw_truncated", true);
            n.put("raw_bytes", raw.length);
        }
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
