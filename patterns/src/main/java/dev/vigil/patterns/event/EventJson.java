package dev.vigil.patterns.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON form of {@link Event}, field by field, so the wire format is explicit and stable
 * (see {@code docs/schema/event.schema.json}). Unknown fields are kept in {@link Event#extra()}.
 */
public final class EventJson {
    /** The JSON field names the event knows; anything else goes to {@code extra}. */
    public static final Set<String> KNOWN_FIELDS = Set.of("id", "host", "source", "ts", "message",
            "unit", "pid", "comm", "identifier", "priority", "facility", "message_id", "boot_id",
            "file", "seq", "cursor", "offset", "partial", "flags", "fields");

    /** Built on first use: a shipper only writes events, without a tree, and so loads no databind. */
    private static final class Tree {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    }

    private EventJson() {}

    /** Parses one event; throws {@link InvalidEventException} naming the bad or missing field. */
    public static Event parse(byte[] json) {
        JsonNode root;
        try {
            root = Tree.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEventException("not JSON: " + e.getMessage(), e);
        }
        return fromTree(root);
    }

    /** Parses one event from text. */
    public static Event parse(String json) {
        JsonNode root;
        try {
            root = Tree.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        return fromTree(root);
    }

    /** Maps a parsed JSON object to an event. */
    public static Event fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("event must be a JSON object");
        }
        Event.Builder b = Event.builder(
                requiredText(root, "host"),
                source(requiredText(root, "source")),
                instant(requiredText(root, "ts")),
                requiredText(root, "message"));
        b.id(text(root, "id"))
                .unit(text(root, "unit"))
                .pid(number(root, "pid"))
                .comm(text(root, "comm"))
                .identifier(text(root, "identifier"))
                .priority(smallInt(root, "priority"))
                .facility(smallInt(root, "facility"))
                .messageId(text(root, "message_id"))
                .bootId(text(root, "boot_id"))
                .file(text(root, "file"))
                .seq(number(root, "seq"))
                .cursor(text(root, "cursor"))
                .offset(number(root, "offset"))
                .partial(bool(root, "partial"))
                .flags(flags(root))
                .fields(fields(root))
                .extra(extra(root));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }

    /**
     * The event as compact JSON bytes, the same bytes as {@link #toTree} serialised. Events
     * without unknown fields (everything a shipper sends) are written directly, without a tree.
     */
    public static byte[] toBytes(Event e) {
        if (e.extra().isEmpty()) {
            return EventJsonWriter.write(e);
        }
        try {
            return Tree.MAPPER.writeValueAsBytes(toTree(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", ex);
        }
    }

    /** The event as compact JSON text. */
    public static String toJson(Event e) {
        return new String(toBytes(e), StandardCharsets.UTF_8);
    }

    /** The event as a JSON tree; absent optional fields are left out. */
    public static ObjectNode toTree(Event e) {
        ObjectNode n = Tree.NODES.objectNode();
        putIfSet(n, "id", e.id());
        n.put("host", e.host());
        n.put("source", e.source().wireName());
        n.put("ts", e.ts().toString());
        n.put("message", e.message());
        putIfSet(n, "unit", e.unit());
        if (e.pid() != null) n.put("pid", e.pid());
        putIfSet(n, "comm", e.comm());
        putIfSet(n, "identifier", e.identifier());
        if (e.priority() != null) n.put("priority", e.priority());
        if (e.facility() != null) n.put("facility", e.facility());
        putIfSet(n, "message_id", e.messageId());
        putIfSet(n, "boot_id", e.bootId());
        putIfSet(n, "file", e.file());
        if (e.seq() != null) n.put("seq", e.seq());
        putIfSet(n, "cursor", e.cursor());
        if (e.offset() != null) n.put("offset", e.offset());
        if (e.partial() != null) n.put("partial", e.partial());
        if (!e.flags().isEmpty()) {
            ArrayNode a = n.putArray("flags");
            new TreeSet<>(e.flags()).forEach(a::add);
        }
        if (!e.fields().isEmpty()) {
            ObjectNode f = n.putObject("fields");
            new TreeMap<>(e.fields()).forEach(f::put);
        }
        e.extra().forEach(n::set);
        return n;
    }

    private static void putIfSet(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }

    private static String requiredText(JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            throw new InvalidEventException("missing required field '" + name + "'");
        }
        if (!v.isTextual()) {
            throw new InvalidEventException("field '" + name + "' must be a string, got " + v.getNodeType());
        }
        return v.textValue();
    }

    private static String text(JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new InvalidEventException("field '" + name + "' must be a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    private static Long number(JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw new InvalidEventException("field '" + name + "' must be an integer, got '" + v.textValue() + "'");
            }
        }
        throw new InvalidEventException("field '" + name + "' must be an integer, got " + v.getNodeType());
    }

    private static Integer smallInt(JsonNode root, String name) {
        Long v = number(root, name);
        if (v == null) {
            return null;
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InvalidEventException("field '" + name + "' out of range: " + v);
        }
        return v.intValue();
    }

    private static Boolean bool(JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new InvalidEventException("field '" + name + "' must be true or false, got " + v.getNodeType());
        }
        return v.booleanValue();
    }

    private static Source source(String text) {
        try {
            return Source.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("field 'source': " + e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("field 'ts' must be ISO-8601 UTC like 2026-03-14T02:11:07.398Z, got '"
                    + text + "'", e);
        }
    }

    private static Set<String> flags(JsonNode root) {
        JsonNode v = root.get("flags");
        if (v == null || v.isNull()) {
            return Set.of();
        }
        if (!v.isArray()) {
            throw new InvalidEventException("field 'flags' must be an array of strings");
        }
        Set<String> out = new TreeSet<>();
        v.forEach(f -> out.add(f.asText()));
        return out;
    }

    private static Map<String, String> fields(JsonNode root) {
        JsonNode v = root.get("fields");
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new InvalidEventException("field 'fields' must be an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode value = f.getValue();
            out.put(f.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
        return out;
    }

    private static Map<String, JsonNode> extra(JsonNode root) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!KNOWN_FIELDS.contains(f.getKey())) {
                out.put(f.getKey(), f.getValue());
            }
        }
        return out;
    }
}
