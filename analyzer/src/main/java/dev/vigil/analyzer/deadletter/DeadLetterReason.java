package dev.vigil.analyzer.deadletter;

import java.util.Locale;

/**
 * Why the analyzer refused a record, as a small fixed set of codes: the dead letter keeps the full
 * reason text, while metrics are tagged with the code, since free text (which may quote the input)
 * would make one time series per distinct message.
 */
public enum DeadLetterReason {
    /** A record without a value, or an empty one. */
    EMPTY,
    /** Bytes that are not JSON at all. */
    NOT_JSON,
    /** JSON, but not an object. */
    NOT_OBJECT,
    /** An object without {@code host}, {@code source}, {@code ts} or {@code message}. */
    MISSING_FIELD,
    /** A field of the wrong type or out of range. */
    INVALID_FIELD,
    /** A {@code ts} before 2000 or far after the record reached Kafka. */
    TS_OUT_OF_RANGE,
    /** A record on an internal topic in a format this analyzer does not read (another version's, or damaged). */
    INTERNAL_FORMAT;

    /** The code used as the {@code reason} tag, e.g. {@code not_json}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code of a parse failure, from the message {@code EventJson} gives it. */
    public static DeadLetterReason ofParseError(byte[] value, String message) {
        if (value == null || value.length == 0) {
            return EMPTY;
        }
        String m = message == null ? "" : message;
        if (m.startsWith("not JSON")) {
            return NOT_JSON;
        }
        if (m.startsWith("event must be a JSON object")) {
            return NOT_OBJECT;
        }
        if (m.startsWith("missing required field")) {
            return MISSING_FIELD;
        }
        return INVALID_FIELD;
    }
}
