package dev.vigil.analyzer.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A record the analyzer could not process, as written to {@code vigil.deadletter}: where it came
 * from, why it was refused, and the payload itself (as text when it is valid UTF-8, else base64).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        String reason,
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        String valueBase64) {

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(topic, "topic");
    }
}
