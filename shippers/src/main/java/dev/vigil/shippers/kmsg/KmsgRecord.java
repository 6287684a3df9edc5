package dev.vigil.shippers.kmsg;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import java.util.Set;

import java.util.Map;
import java.util.Objects;

/**
 * One record of {@code /dev/kmsg}, decoded.
 *
 * @param facility syslog facility, {@code pri >> 3}
 * @param priority syslog level 0..7, {@code pri & 7}
 * @param seq the kernel's 64-bit record sequence number
 * @param monotonicMicros microseconds since boot
 * @param message the text, with the kernel's {@code \xNN} escapes decoded
 * @param invalidUtf8 the message bytes were not valid UTF-8 and were replaced
 * @param properties the {@code KEY=value} continuation lines ({@code SUBSYSTEM}, {@code DEVICE}) and
 *     the extra prefix fields such as {@code caller}
 */
public record KmsgRecord(int facility, int priority, long seq, long monotonicMicros, String message,
        boolean invalidUtf8, Map<String, String> properties) {
    public KmsgRecord {
        Objects.requireNonNull(message, "message");
        if (priority < 0 || priority > 7) throw new IllegalArgumentException("priority out of 0..7: " + priority);
        if (seq < 0) throw new IllegalArgumentException("seq < 0: " + seq);
        properties = Map.copyOf(properties);
    }

    /** The record as an event of {@code host}, its monotonic stamp converted with {@code boot}. */
    public Event toEvent(String host, BootClock boot) {
        return Event.builder(host, Source.KERNEL, boot.toWallTime(monotonicMicros), message)
                .id(EventIds.of(host, Source.KERNEL, boot.bootId(), Long.toString(seq)))
                .priority(priority)
                .facility(facility)
                .seq(seq)
                .bootId(boot.bootId())
                .fields(properties)
                .flags(invalidUtf8 ? Set.of("invalid_utf8") : Set.of())
                .build();
    }
}
