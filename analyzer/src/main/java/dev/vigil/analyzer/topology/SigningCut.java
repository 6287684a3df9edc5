package dev.vigil.analyzer.topology;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts an event before it takes the detour through the signature miner, so the records of both
 * repartition topics fit under the broker's default limit (1 MiB) whatever the line: an event
 * may be 8 MiB on {@code vigil.events}, a control byte is six in JSON, and the signed record
 * carries the event and its template. A template comes from the start of a line, so mining
 * needs only a prefix; the events the engine runs unsigned keep their whole message.
 */
final class SigningCut {
    /** Characters of a message mined and sent for signing, as many as evidence quotes. */
    static final int MAX_MESSAGE_CHARS = 4096;
    /**
     * Largest event JSON sent for signing: with a template of at most {@link #MAX_MESSAGE_CHARS}
     * (each up to six bytes escaped) the signed record stays well under 1 MiB.
     */
    static final int MAX_EVENT_BYTES = 256 * 1024;
    /** Flag of an event whose message was cut here (the shipper's flag for a cut line). */
    static final String MESSAGE_CUT = "line_truncated";
    /** Flag of an event whose source fields were left out here to make it fit. */
    static final String FIELDS_CUT = "fields_truncated";

    private SigningCut() {}

    /** {@code e} cut to fit the signature topics; empty when even cut it does not (huge host or path names). */
    static Optional<Event> fit(Event e) {
        Event cut = e;
        if (e.message().length() > MAX_MESSAGE_CHARS) {
            int end = MAX_MESSAGE_CHARS;
            if (Character.isHighSurrogate(e.message().charAt(end - 1))) {
                end--; // half a character would not survive UTF-8
            }
            cut = e.toBuilder().message(e.message().substring(0, end)).flags(with(e.flags(), MESSAGE_CUT)).build();
        }
        if (jsonBytesAtMost(cut) <= MAX_EVENT_BYTES || EventJson.toBytes(cut).length <= MAX_EVENT_BYTES) {
            return Optional.of(cut);
        }
        cut = cut.toBuilder().fields(Map.of()).extra(Map.of()).flags(with(cut.flags(), FIELDS_CUT)).build();
        return EventJson.toBytes(cut).length <= MAX_EVENT_BYTES ? Optional.of(cut) : Optional.empty();
    }

    /**
     * At least the length of {@code EventJson.toBytes(e)} (no bound, {@link Long#MAX_VALUE}, for
     * an event with fields this version does not know): six bytes per character of its texts
     * (the longest a character is written, {@code \\u001f}) and {@link #JSON_FIXED_BYTES} for the
     * rest. Nearly every event is far under the limit, and this costs a few lengths where
     * writing the event out to count its bytes was a twentieth of replay's read-ahead.
     */
    static long jsonBytesAtMost(Event e) {
        if (!e.extra().isEmpty()) {
            // fields this version does not know are written verbatim, of any size: no bound from
            // lengths, so such an event (rare: a newer shipper's) is written out and counted
            return Long.MAX_VALUE;
        }
        long chars = length(e.id()) + length(e.host()) + length(e.message()) + length(e.unit()) + length(e.comm())
                + length(e.identifier()) + length(e.messageId()) + length(e.bootId()) + length(e.file())
                + length(e.cursor());
        long separators = 0;
        for (String flag : e.flags()) {
            chars += flag.length();
            separators += 3;
        }
        for (Map.Entry<String, String> f : e.fields().entrySet()) {
            chars += f.getKey().length() + f.getValue().length();
            separators += 6;
        }
        return JSON_FIXED_BYTES + separators + 6 * chars;
    }

    /**
     * More than an event's JSON holds besides its texts: braces, the field names with their
     * quotes and commas (under 200 bytes), the time (at most about 40) and five numbers of at
     * most 20 digits.
     */
    static final int JSON_FIXED_BYTES = 1024;

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static Set<String> with(Set<String> flags, String flag) {
        Set<String> out = new HashSet<>(flags);
        out.add(flag);
        return out;
    }
}
