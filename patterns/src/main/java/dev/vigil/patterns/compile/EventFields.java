package dev.vigil.patterns.compile;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The event fields a pattern can name, with how to read each one as text (and how a test input
 * line sets it). {@code fields.NAME} reads journald's extra fields, e.g. {@code fields.N_RESTARTS}.
 */
public final class EventFields {
    /** Prefix of journald's extra fields. */
    public static final String EXTRA_PREFIX = "fields.";

    private record Field(Function<Event, String> reader, BiConsumer<Event.Builder, String> writer, boolean numeric) {}

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        text("host", Event::host, Event.Builder::host);
        FIELDS.put("source", new Field(e -> e.source().wireName(), (b, v) -> b.source(Source.fromWireName(v)), false));
        text("unit", Event::unit, Event.Builder::unit);
        number("pid", e -> e.pid() == null ? null : e.pid().toString(), (b, v) -> b.pid(Long.parseLong(v)));
        text("comm", Event::comm, Event.Builder::comm);
        text("identifier", Event::identifier, Event.Builder::identifier);
        number("priority", e -> e.priority() == null ? null : e.priority().toString(), (b, v) -> b.priority(Integer.parseInt(v)));
        number("facility", e -> e.facility() == null ? null : e.facility().toString(), (b, v) -> b.facility(Integer.parseInt(v)));
        text("message_id", Event::messageId, Event.Builder::messageId);
        text("boot_id", Event::bootId, Event.Builder::bootId);
        text("file", Event::file, Event.Builder::file);
        text("message", Event::message, Event.Builder::message);
        FIELDS.put("partial", new Field(e -> Boolean.toString(e.isPartial()), (b, v) -> b.partial(Boolean.parseBoolean(v)), false));
        FIELDS.put("flags", new Field(e -> String.join(",", new TreeSet<>(e.flags())),
                (b, v) -> b.flags(Set.of(v.split(","))), false));
    }

    private static void text(String name, Function<Event, String> reader, BiConsumer<Event.Builder, String> writer) {
        FIELDS.put(name, new Field(reader, writer, false));
    }

    private static void number(String name, Function<Event, String> reader, BiConsumer<Event.Builder, String> writer) {
        FIELDS.put(name, new Field(reader, writer, true));
    }

    private EventFields() {}

    /** The plain field names, in the order the docs list them. */
    public static List<String> names() {
        return List.copyOf(FIELDS.keySet());
    }

    /** True for a plain field or any {@code fields.NAME}. */
    public static boolean isKnown(String name) {
        return FIELDS.containsKey(name) || isExtra(name);
    }

    /** True for fields whose values are numbers (ordering comparisons make sense). */
    public static boolean isNumeric(String name) {
        return isExtra(name) || (FIELDS.containsKey(name) && FIELDS.get(name).numeric());
    }

    static boolean isExtra(String name) {
        return name.startsWith(EXTRA_PREFIX) && name.length() > EXTRA_PREFIX.length();
    }

    /** The field's value as text, or null when the event has none. */
    public static String read(Event e, String name) {
        if (isExtra(name)) {
            return e.fields().get(name.substring(EXTRA_PREFIX.length()));
        }
        Field f = FIELDS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown event field '" + name + "'");
        }
        return f.reader().apply(e);
    }

    /**
     * How to read the field {@code name} as {@link #read} does, looked up once: a condition reads
     * its field from every event it tests.
     */
    public static Function<Event, String> reader(String name) {
        if (isExtra(name)) {
            String key = name.substring(EXTRA_PREFIX.length());
            return e -> e.fields().get(key);
        }
        Field f = FIELDS.get(name);
        return f != null ? f.reader() : e -> read(e, name);
    }

    /** Every field the event has a value for, as the variables a template can use. */
    public static Map<String, String> readAll(Event e) {
        Map<String, String> out = new HashMap<>();
        FIELDS.forEach((name, f) -> {
            String v = f.reader().apply(e);
            if (v != null) {
                out.put(name, v);
            }
        });
        e.fields().forEach((k, v) -> out.put(EXTRA_PREFIX + k, v));
        return out;
    }

    /**
     * Sets a field on a builder from its text form (test input lines).
     *
     * @throws IllegalArgumentException when the text is not a valid value of the field
     */
    static void write(Event.Builder builder, String name, String value, Map<String, String> extras) {
        if (isExtra(name)) {
            extras.put(name.substring(EXTRA_PREFIX.length()), value);
            return;
        }
        FIELDS.get(name).writer().accept(builder, value);
    }
}
