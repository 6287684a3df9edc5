package dev.vigil.analyzer.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.patterns.redact.Redactor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds dead-letter records from refused input. */
public final class DeadLetters {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Bytes of a refused record a dead letter copies. The record itself may be up to 8 MiB, and
     * its copy, escaped or in base64, must still fit a record; the whole record stays at the
     * topic, partition and offset the letter names.
     */
    public static final int MAX_COPY_BYTES = 1 << 20;

    private DeadLetters() {}

    /**
     * A dead letter for {@code value} read at topic/partition/offset, refused for {@code reason};
     * {@code redactor} removes secrets from the copy and the reason (which may quote the input).
     * Input that is not UTF-8 is copied in base64 as it is.
     */
    public static DeadLetter of(String reason, String topic, int partition, long offset, String key, byte[] value,
            Redactor redactor) {
        byte[] copy = value;
        String why = reason;
        if (value != null && value.length > MAX_COPY_BYTES) {
            copy = java.util.Arrays.copyOf(value, MAX_COPY_BYTES);
            why = reason + " (copy cut to the first " + MAX_COPY_BYTES + " of " + value.length + " bytes; the whole record is "
                    + topic + "-" + partition + "@" + offset + ")";
        }
        String text = copy == null ? null : redactor.redact(strictUtf8(copy));
        why = redactor.redact(why);
        String base64 = copy != null && text == null ? Base64.getEncoder().encodeToString(copy) : null;
        return new DeadLetter(why, topic, partition, offset, key, text, base64);
    }

    /** The dead letter as JSON bytes. */
    public static byte[] toBytes(DeadLetter letter) {
        try {
            return MAPPER.writeValueAsBytes(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dead letter always serialises", e);
        }
    }

    /** Parses a dead-letter record. */
    public static DeadLetter parse(byte[] json) {
        try {
            return MAPPER.readValue(json, DeadLetter.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a dead-letter record: " + e.getMessage(), e);
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
