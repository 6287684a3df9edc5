package dev.vigil.analyzer.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds dead-letter records from refused input. */
public final class DeadLetters {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadLetters() {}

    /** A dead letter for {@code value} read at topic/partition/offset, refused for {@code reason}. */
    public static DeadLetter of(String reason, String topic, int partition, long offset, String key, byte[] value) {
        String text = value == null ? null : strictUtf8(value);
        String base64 = value != null && text == null ? Base64.getEncoder().encodeToString(value) : null;
        return new DeadLetter(reason, topic, partition, offset, key, text, base64);
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
