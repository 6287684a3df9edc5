package dev.vigil.shippers.journald;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.filter.LineLevel;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps one entry of {@code journalctl -o json} to an event.
 *
 * <p>journalctl prints a field as a string, as an array of byte values when it is not valid UTF-8,
 * and as an array of those when the entry repeats the field
 * (see systemd's journal JSON format). Byte values are decoded as UTF-8 with replacement and the
 * event is flagged {@code invalid_utf8}; repeated values are joined by a newline in {@code fields}
 * and the first one is used for the event's own fields. {@code UNIT} wins over {@code _SYSTEMD_UNIT}
 * because systemd's own messages about a unit come from {@code init.scope} and name the unit there.
 */
public final class JournalEntryMapper {
    /** Fields that become event fields and are not repeated in {@code fields}. */
    private static final Set<String> MAPPED = Set.of("__CURSOR", "__REALTIME_TIMESTAMP", "MESSAGE", "_HOSTNAME",
            "UNIT", "_PID", "_COMM", "SYSLOG_IDENTIFIER", "PRIORITY", "SYSLOG_FACILITY", "MESSAGE_ID", "_BOOT_ID");

    private final String fallbackHost;

    /** @param fallbackHost host name for entries without {@code _HOSTNAME} */
    public JournalEntryMapper(String fallbackHost) {
        this.fallbackHost = Objects.requireNonNull(fallbackHost, "fallbackHost");
    }

    /**
     * The unit of a user's service manager: {@code USER_UNIT} when it writes about one of its units,
     * {@code _SYSTEMD_USER_UNIT} when a unit writes itself (not the manager's own {@code init.scope}),
     * so a user's crash-looping unit is its own subject, not {@code user@UID.service}.
     */
    private static String userUnit(Map<String, List<String>> values) {
        String about = first(values, "USER_UNIT", null);
        if (about != null) {
            return about;
        }
        String writer = first(values, "_SYSTEMD_USER_UNIT", null);
        return "init.scope".equals(writer) ? null : writer;
    }

    public Event toEvent(JsonNode entry) throws JournalEntryException {
        if (entry == null || !entry.isObject()) {
            throw new JournalEntryException("journal entry is not a JSON object");
        }
        Decoded decoded = new Decoded();
        Map<String, List<String>> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            List<String> v = decoded.values(f.getValue());
            if (!v.isEmpty()) {
                values.put(f.getKey(), v);
            }
        }
        String cursor = required(values, "__CURSOR");
        Instant ts = realtime(required(values, "__REALTIME_TIMESTAMP"));
        String host = first(values, "_HOSTNAME", fallbackHost);
        String bootId = first(values, "_BOOT_ID", null);
        String unit = first(values, "UNIT", null);
        Map<String, String> fields = new TreeMap<>();
        values.forEach((k, v) -> {
            if (!MAPPED.contains(k)) {
                fields.put(k, String.join("\n", v));
            }
        });
        if (unit == null) {
            unit = userUnit(values);
        }
        if (unit == null) {
            unit = first(values, "_SYSTEMD_UNIT", null);
            fields.remove("_SYSTEMD_UNIT");
        }
        String message = String.join("\n", values.getOrDefault("MESSAGE", List.of("")));
        return Event.builder(host, Source.JOURNALD, ts, message)
                .id(EventIds.of(host, Source.JOURNALD, bootId, cursor))
                .unit(unit)
                .pid(number(values, "_PID"))
                .comm(first(values, "_COMM", null))
                .identifier(first(values, "SYSLOG_IDENTIFIER", null))
                .priority(priority(values, message))
                .facility(smallNumber(values, "SYSLOG_FACILITY"))
                .messageId(first(values, "MESSAGE_ID", null))
                .bootId(bootId)
                .cursor(cursor)
                .fields(fields)
                .flags(decoded.invalidUtf8 ? Set.of("invalid_utf8") : Set.of())
                .build();
    }

    private static String required(Map<String, List<String>> values, String name) throws JournalEntryException {
        List<String> v = values.get(name);
        if (v == null) {
            throw new JournalEntryException("journal entry has no " + name);
        }
        return v.get(0);
    }

    private static Instant realtime(String micros) throws JournalEntryException {
        try {
            long us = Long.parseLong(micros);
            return Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1000);
        } catch (NumberFormatException e) {
            throw new JournalEntryException("__REALTIME_TIMESTAMP is not microseconds: '" + micros + "'");
        }
    }

    private static String first(Map<String, List<String>> values, String name, String otherwise) {
        List<String> v = values.get(name);
        return v == null ? otherwise : v.get(0);
    }

    private static Long number(Map<String, List<String>> values, String name) {
        String v = first(values, name, null);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer smallNumber(Map<String, List<String>> values, String name) {
        Long v = number(values, name);
        return v == null || v < 0 || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /**
     * The entry's priority. A line a unit wrote to its standard output or error ({@code _TRANSPORT=stdout})
     * has the stream's level (info, unless the unit says otherwise), and a container's line through
     * Docker's or Podman's journald driver ({@code CONTAINER_ID}) err for standard error and info for
     * output: neither is the program's. When such a line starts with the level its program wrote
     * ({@code ERROR …}, {@code level=error}, klog's {@code E0317 …}; {@link LineLevel#atStart}), that
     * is its priority, as a log file's line gets it. A program that logs to the journal or syslog
     * itself set its priority, which stays.
     */
    private static Integer priority(Map<String, List<String>> values, String message) {
        Integer p = smallNumber(values, "PRIORITY");
        Integer journal = p == null || p > 7 ? null : p;
        if ("stdout".equals(first(values, "_TRANSPORT", null)) || values.containsKey("CONTAINER_ID")) {
            Integer written = LineLevel.atStart(message);
            return written != null ? written : journal;
        }
        return journal;
    }

    /** Decodes field values, remembering whether any was not valid UTF-8. */
    private static final class Decoded {
        private boolean invalidUtf8;

        List<String> values(JsonNode v) {
            if (v.isNull()) {
                return List.of();
            }
            if (v.isArray() && v.size() > 0 && v.get(0).isNumber()) {
                return List.of(bytes(v));
            }
            if (v.isArray()) {
                List<String> out = new ArrayList<>();
                v.forEach(item -> out.addAll(values(item)));
                return out;
            }
            return List.of(v.asText());
        }

        private String bytes(JsonNode array) {
            byte[] raw = new byte[array.size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) array.get(i).intValue();
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                invalidUtf8 = true;
                return new String(raw, StandardCharsets.UTF_8);
            }
        }
    }
}
