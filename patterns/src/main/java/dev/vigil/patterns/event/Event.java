package dev.vigil.patterns.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One record a shipper produces to {@code vigil.events}: a journal entry, a kernel message, an
 * application log line or a shipper observation.
 *
 * <p>Only {@code host}, {@code source}, {@code ts} and {@code message} are required; the rest is
 * kept when the source has it. {@code extra} holds JSON fields this version does not know, so a
 * newer shipper's fields survive a trip through an older analyzer.
 *
 * @param id deterministic id built from the source position (see {@link EventIds}); null only
 *     for events written by hand, which the analyzer then identifies by content and Kafka position
 * @param host host name the event was produced on
 * @param source which kind of source produced it
 * @param ts event time, from the source where it has one
 * @param message the text of the record
 * @param unit systemd unit ({@code UNIT} for systemd's messages about a unit, else {@code _SYSTEMD_UNIT})
 * @param pid process id of the writer
 * @param comm process name ({@code _COMM}, kernel task name)
 * @param identifier syslog identifier; for {@code shipper} events the kind of observation
 *     ({@code heartbeat}, {@code file_truncated}, {@code file_rotated}, {@code kmsg_overrun},
 *     {@code cursor_lost})
 * @param priority syslog priority 0 (emerg) to 7 (debug)
 * @param facility syslog facility number
 * @param messageId journald {@code MESSAGE_ID}
 * @param bootId boot id of the host when the record was written
 * @param file path of the application log file
 * @param seq kernel sequence number
 * @param cursor journald cursor
 * @param offset byte offset of the line in its file
 * @param partial true when the line had no newline when its stream ended
 * @param flags markers set by the shipper: {@code invalid_utf8}, {@code line_truncated}, {@code multiline}
 * @param fields the rest of the source's fields (journald fields; repeated values joined by a newline)
 * @param extra unknown JSON fields, kept verbatim
 */
public record Event(
        String id,
        String host,
        Source source,
        Instant ts,
        String message,
        String unit,
        Long pid,
        String comm,
        String identifier,
        Integer priority,
        Integer facility,
        String messageId,
        String bootId,
        String file,
        Long seq,
        String cursor,
        Long offset,
        Boolean partial,
        Set<String> flags,
        Map<String, String> fields,
        Map<String, JsonNode> extra) {

    public Event {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(message, "message");
        if (priority != null && (priority < 0 || priority > 7)) {
            throw new IllegalArgumentException("priority out of 0..7: " + priority);
        }
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        // insertion order kept, so unknown fields are written back where they came from
        extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Starts a builder with the four required fields. */
    public static Builder builder(String host, Source source, Instant ts, String message) {
        return new Builder(host, source, ts, message);
    }

    /** A builder initialised with this event's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when the event is a shipper observation of the given kind. */
    public boolean isShipperEvent(String kind) {
        return source == Source.SHIPPER && kind.equals(identifier);
    }

    /** True when the source marked the line as cut at end of stream. */
    public boolean isPartial() {
        return Boolean.TRUE.equals(partial);
    }

    /** Fluent construction of events; the many optional fields make a constructor call unreadable. */
    public static final class Builder {
        private String id;
        private String host;
        private Source source;
        private Instant ts;
        private String message;
        private String unit;
        private Long pid;
        private String comm;
        private String identifier;
        private Integer priority;
        private Integer facility;
        private String messageId;
        private String bootId;
        private String file;
        private Long seq;
        private String cursor;
        private Long offset;
        private Boolean partial;
        private Set<String> flags = Set.of();
        private Map<String, String> fields = Map.of();
        private Map<String, JsonNode> extra = Map.of();

        private Builder(String host, Source source, Instant ts, String message) {
            this.host = host;
            this.source = source;
            this.ts = ts;
            this.message = message;
        }

        private Builder(Event e) {
            this(e.host, e.source, e.ts, e.message);
            id = e.id;
            unit = e.unit;
            pid = e.pid;
            comm = e.comm;
            identifier = e.identifier;
            priority = e.priority;
            facility = e.facility;
            messageId = e.messageId;
            bootId = e.bootId;
            file = e.file;
            seq = e.seq;
            cursor = e.cursor;
            offset = e.offset;
            partial = e.partial;
            flags = e.flags;
            fields = e.fields;
            extra = e.extra;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder host(String v) { host = v; return this; }
        public Builder source(Source v) { source = v; return this; }
        public Builder ts(Instant v) { ts = v; return this; }
        public Builder message(String v) { message = v; return this; }
        public Builder unit(String v) { unit = v; return this; }
        public Builder pid(Long v) { pid = v; return this; }
        public Builder comm(String v) { comm = v; return this; }
        public Builder identifier(String v) { identifier = v; return this; }
        public Builder priority(Integer v) { priority = v; return this; }
        public Builder facility(Integer v) { facility = v; return this; }
        public Builder messageId(String v) { messageId = v; return this; }
        public Builder bootId(String v) { bootId = v; return this; }
        public Builder file(String v) { file = v; return this; }
        public Builder seq(Long v) { seq = v; return this; }
        public Builder cursor(String v) { cursor = v; return this; }
        public Builder offset(Long v) { offset = v; return this; }
        public Builder partial(Boolean v) { partial = v; return this; }
        public Builder flags(Set<String> v) { flags = v; return this; }
        public Builder fields(Map<String, String> v) { fields = v; return this; }
        public Builder extra(Map<String, JsonNode> v) { extra = v; return this; }

        public Event build() {
            return new Event(id, host, source, ts, message, unit, pid, comm, identifier, priority,
                    facility, messageId, bootId, file, seq, cursor, offset, partial, flags, fields, extra);
        }
    }
}
