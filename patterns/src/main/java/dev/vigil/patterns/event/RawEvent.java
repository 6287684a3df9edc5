package dev.vigil.patterns.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one event as JSON gave them, before they are checked: read straight from a parser
 * (the analyzer's path, no tree per event) or from a tree, then checked by one {@link #toEvent},
 * so both accept, refuse and explain the same input alike. A field given twice counts by its last
 * value, and every check runs once the whole object is read, in a fixed order: the first bad
 * field named does not depend on the order of the JSON.
 */
final class RawEvent {
    /** The slots, in the order they are checked. */
    private static final int HOST = 0;
    private static final int SOURCE = 1;
    static final int TS = 2;
    private static final int MESSAGE = 3;
    private static final int ID = 4;
    private static final int UNIT = 5;
    private static final int PID = 6;
    private static final int COMM = 7;
    private static final int IDENTIFIER = 8;
    private static final int PRIORITY = 9;
    private static final int FACILITY = 10;
    private static final int MESSAGE_ID = 11;
    private static final int BOOT_ID = 12;
    private static final int FILE = 13;
    private static final int SEQ = 14;
    private static final int CURSOR = 15;
    private static final int OFFSET = 16;
    private static final int PARTIAL = 17;
    static final int FLAGS = 18;
    static final int FIELDS = 19;
    static final String[] NAMES = {"host", "source", "ts", "message", "id", "unit", "pid", "comm",
        "identifier", "priority", "facility", "message_id", "boot_id", "file", "seq", "cursor", "offset", "partial",
        "flags", "fields"};

    /** Each slot's JSON type; null when absent or JSON null, which every field takes as absent. */
    private final JsonNodeType[] types = new JsonNodeType[NAMES.length];
    /** A scalar's text as a tree's {@code asText} gives it; the flags' list; the fields' map. */
    private final Object[] values = new Object[NAMES.length];
    /** An integral number's value, as a tree's {@code longValue}. */
    private final long[] integers = new long[NAMES.length];
    private final boolean[] integral = new boolean[NAMES.length];
    private Map<String, JsonNode> extra = Map.of();

    RawEvent() {}

    /** Empties this to read another event into it. */
    void clear() {
        // a slot's value and integral flag are set with its type and read only where it has one
        Arrays.fill(types, null);
        extra = Map.of();
    }

    /** The names of the fields an event knows, for {@link EventJson#KNOWN_FIELDS}. */
    static Set<String> knownNames() {
        return Set.of(NAMES);
    }

    /** The names of the fields every event must have: those {@link #toEvent} checks first. */
    static Set<String> requiredNames() {
        return Set.of(Arrays.copyOf(NAMES, MESSAGE + 1));
    }

    /** Reads the object {@code p} stands at the start of, to its end; unknown fields become trees. */
    static RawEvent read(JsonParser p) throws IOException {
        RawEvent raw = new RawEvent();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            int slot = slot(name);
            if (slot < 0) {
                raw.putExtra(name, EventJson.Tree.MAPPER.readTree(p));
            } else {
                raw.read(slot, token, p);
            }
        }
        return raw;
    }

    /** The fields of the object {@code root}. */
    static RawEvent of(JsonNode root) {
        RawEvent raw = new RawEvent();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            int slot = slot(f.getKey());
            if (slot < 0) {
                raw.putExtra(f.getKey(), f.getValue());
            } else {
                raw.take(slot, f.getValue());
            }
        }
        return raw;
    }

    private static int slot(String name) {
        return KnownNames.slot(name);
    }

    private void putExtra(String name, JsonNode value) {
        if (extra.isEmpty()) {
            extra = new LinkedHashMap<>();
        }
        extra.put(name, value);
    }

    private void read(int slot, JsonToken token, JsonParser p) throws IOException {
        integral[slot] = false;
        switch (token) {
            case VALUE_STRING -> set(slot, JsonNodeType.STRING, p.getText());
            case VALUE_NUMBER_INT -> {
                set(slot, JsonNodeType.NUMBER, intText(p));
                integral[slot] = true;
                integers[slot] = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue().longValue() : p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> set(slot, JsonNodeType.NUMBER, Double.toString(p.getDoubleValue()));
            case VALUE_TRUE, VALUE_FALSE -> set(slot, JsonNodeType.BOOLEAN, p.getText());
            case START_ARRAY -> set(slot, JsonNodeType.ARRAY, slot == FLAGS ? readFlags(p) : skipped(p));
            case START_OBJECT -> set(slot, JsonNodeType.OBJECT, slot == FIELDS ? readFields(p) : skipped(p));
            default -> set(slot, null, null); // JSON null
        }
    }

    private void take(int slot, JsonNode v) {
        integral[slot] = v.isIntegralNumber();
        integers[slot] = v.isIntegralNumber() ? v.longValue() : 0;
        if (v.isNull()) {
            set(slot, null, null);
        } else if (v.isArray() && slot == FLAGS) {
            List<String> flags = new ArrayList<>(v.size());
            v.forEach(f -> flags.add(f.asText()));
            set(slot, JsonNodeType.ARRAY, flags);
        } else if (v.isObject() && slot == FIELDS) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                fields.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
            }
            set(slot, JsonNodeType.OBJECT, fields);
        } else {
            set(slot, v.getNodeType(), v.isValueNode() ? v.asText() : null);
        }
    }

    /** A scalar read without a parser ({@link FlatEventReader}): a string, a boolean's text, or JSON null (null, null). */
    void setScalar(int slot, JsonNodeType type, String text) {
        integral[slot] = false;
        set(slot, type, text);
    }

    /**
     * An integer read without a parser; its text, as {@link #intText} would write it, is made only
     * if a field takes it as text (a number field, the common case, takes the value).
     */
    void setInteger(int slot, long value) {
        set(slot, JsonNodeType.NUMBER, null);
        integral[slot] = true;
        integers[slot] = value;
    }

    /** A time string read without a parser, as its instant: {@link #toEvent} takes it as read. */
    void setTime(int slot, Instant time) {
        integral[slot] = false;
        set(slot, JsonNodeType.STRING, time);
    }

    /** The flags' list or the fields' map read without a parser. */
    void setContainer(int slot, JsonNodeType type, Object value) {
        integral[slot] = false;
        set(slot, type, value);
    }

    private void set(int slot, JsonNodeType type, Object value) {
        types[slot] = type;
        values[slot] = value;
    }

    /** An integer's text as a tree's number node writes it ({@code -0} as {@code 0}). */
    private static String intText(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> Integer.toString(p.getIntValue());
            case LONG -> Long.toString(p.getLongValue());
            default -> p.getBigIntegerValue().toString();
        };
    }

    /** A container no field reads, read through as a tree would be (the same errors for bad input). */
    private static Object skipped(JsonParser p) throws IOException {
        EventJson.Tree.MAPPER.readTree(p);
        return null;
    }

    /** The flags' text, each element as a tree's {@code asText} gives it (a container's is empty). */
    private static List<String> readFlags(JsonParser p) throws IOException {
        List<String> flags = new ArrayList<>(4);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            flags.add(switch (t) {
                case START_ARRAY, START_OBJECT -> {
                    skipped(p);
                    yield "";
                }
                default -> scalarText(t, p);
            });
        }
        return flags;
    }

    /** The fields, scalars as text, a nested object or array as its compact JSON. */
    private static Map<String, String> readFields(JsonParser p) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            fields.put(name, t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT
                    ? EventJson.Tree.MAPPER.readTree(p).toString() : scalarText(t, p));
        }
        return fields;
    }

    private static String scalarText(JsonToken t, JsonParser p) throws IOException {
        return switch (t) {
            case VALUE_NUMBER_INT -> intText(p);
            case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
            case VALUE_NULL -> "null";
            default -> p.getText();
        };
    }

    /** The event, or an {@link InvalidEventException} naming the first bad or missing field. */
    Event toEvent() {
        // every field checked in slot order, then the event made without a builder (one object less per event)
        String host = requiredText(HOST);
        Source source = source(requiredText(SOURCE));
        Object time = required(TS);
        Instant ts = time instanceof Instant read ? read : instant((String) time);
        String message = requiredText(MESSAGE);
        String id = text(ID);
        String unit = text(UNIT);
        Long pid = number(PID);
        String comm = text(COMM);
        String identifier = text(IDENTIFIER);
        Integer priority = smallInt(PRIORITY);
        Integer facility = smallInt(FACILITY);
        String messageId = text(MESSAGE_ID);
        String bootId = text(BOOT_ID);
        String file = text(FILE);
        Long seq = number(SEQ);
        String cursor = text(CURSOR);
        Long offset = number(OFFSET);
        Boolean partial = bool(PARTIAL);
        Set<String> flags = flags();
        Map<String, String> fields = fields();
        try {
            return new Event(id, host, source, ts, message, unit, pid, comm, identifier, priority, facility, messageId,
                    bootId, file, seq, cursor, offset, partial, flags, fields, extra);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }

    private String requiredText(int slot) {
        return (String) required(slot);
    }

    /** A required string's value: its text, or the time's instant {@link #setTime} read. */
    private Object required(int slot) {
        if (types[slot] == null) {
            throw new InvalidEventException("missing required field '" + NAMES[slot] + "'");
        }
        if (types[slot] != JsonNodeType.STRING) {
            throw new InvalidEventException("field '" + NAMES[slot] + "' must be a string, got " + types[slot]);
        }
        return values[slot];
    }

    private String text(int slot) {
        if (types[slot] == null) {
            return null;
        }
        if (types[slot] == JsonNodeType.OBJECT || types[slot] == JsonNodeType.ARRAY) {
            throw new InvalidEventException("field '" + NAMES[slot] + "' must be a string, got " + types[slot]);
        }
        Object value = values[slot];
        return value == null ? Long.toString(integers[slot]) : (String) value; // only an integer's text is left unmade
    }

    private Long number(int slot) {
        if (types[slot] == null) {
            return null;
        }
        if (integral[slot]) {
            return integers[slot];
        }
        if (types[slot] == JsonNodeType.STRING) {
            String text = (String) values[slot];
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new InvalidEventException("field '" + NAMES[slot] + "' must be an integer, got '" + text + "'");
            }
        }
        throw new InvalidEventException("field '" + NAMES[slot] + "' must be an integer, got " + types[slot]);
    }

    private Integer smallInt(int slot) {
        Long v = number(slot);
        if (v == null) {
            return null;
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InvalidEventException("field '" + NAMES[slot] + "' out of range: " + v);
        }
        return v.intValue();
    }

    private Boolean bool(int slot) {
        if (types[slot] == null) {
            return null;
        }
        if (types[slot] != JsonNodeType.BOOLEAN) {
            throw new InvalidEventException("field '" + NAMES[slot] + "' must be true or false, got " + types[slot]);
        }
        return Boolean.valueOf((String) values[slot]);
    }

    private static Source source(String text) {
        try {
            return Source.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("field 'source': " + e.getMessage(), e);
        }
    }

    /** The shippers' form through a fast path; any other text as {@link Instant#parse} reads or refuses it. */
    private static Instant instant(String text) {
        Instant fast = IsoInstant.parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("field 'ts' must be ISO-8601 UTC like 2026-03-14T02:11:07.398Z, got '"
                    + text + "'", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Set<String> flags() {
        if (types[FLAGS] == null) {
            return Set.of();
        }
        if (types[FLAGS] != JsonNodeType.ARRAY) {
            throw new InvalidEventException("field 'flags' must be an array of strings");
        }
        return new TreeSet<>((List<String>) values[FLAGS]);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> fields() {
        if (types[FIELDS] == null) {
            return Map.of();
        }
        if (types[FIELDS] != JsonNodeType.OBJECT) {
            throw new InvalidEventException("field 'fields' must be an object");
        }
        return (Map<String, String>) values[FIELDS];
    }
}
