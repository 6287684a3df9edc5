package dev.vigil.patterns.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON form of {@link Event}, field by field, so the wire format is explicit and stable
 * (see {@code docs/schema/event.schema.json}). Unknown fields are kept in {@link Event#extra()}.
 */
public final class EventJson {
    /** The JSON field names the event knows; anything else goes to {@code extra}. */
    public static final Set<String> KNOWN_FIELDS = RawEvent.knownNames();
    /** The fields without which a JSON object is no event ({@code host}, {@code source}, {@code ts}, {@code message}). */
    public static final Set<String> REQUIRED_FIELDS = RawEvent.requiredNames();

    /** The streaming parser's factory: an event is read token by token into its fields, without a tree. */
    private static final JsonFactory JSON = new JsonFactory();

    /** Built on first use: a shipper only writes events, without a tree, and so loads no databind. */
    static final class Tree {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    }

    private EventJson() {}

    /** Parses one event; throws {@link InvalidEventException} naming the bad or missing field. */
    public static Event parse(byte[] json) {
        // the flat shape shippers write is read without a parser; anything else, bad input included, by Jackson
        RawEvent flat = FlatEventReader.read(json);
        if (flat != null) {
            return flat.toEvent();
        }
        return read(() -> JSON.createParser(json), () -> Tree.MAPPER.readTree(json));
    }

    /** Parses one event from text. */
    public static Event parse(String json) {
        return read(() -> JSON.createParser(json), () -> Tree.MAPPER.readTree(json));
    }

    /** Opens a parser over, or reads a tree of, the text being parsed. */
    private interface Reading<T> {
        T open() throws IOException;
    }

    private static Event read(Reading<JsonParser> parser, Reading<JsonNode> tree) {
        try (JsonParser p = parser.open()) {
            // anything but an object (empty, null, an array, or not JSON further on) is refused as the tree sees it
            return p.nextToken() == JsonToken.START_OBJECT ? RawEvent.read(p).toEvent() : fromTree(tree.open());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEventException("not JSON: " + e.getMessage(), e);
        }
    }

    /** Maps a parsed JSON object to an event. */
    public static Event fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("event must be a JSON object");
        }
        return RawEvent.of(root).toEvent();
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
}
