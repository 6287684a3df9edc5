package dev.vigil.analyzer.topology;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * An event without its message in a compact binary form, for the signature route's internal
 * topics (which carry the message in two parts of their own, {@link InternalSerdes}): every
 * other field a pattern can read, in a fixed order, without JSON's field names and escapes; not
 * the unknown JSON fields ({@link Event#extra()}), which no pattern reads.
 *
 * <p>Counts and string lengths are unsigned varints; a string is its UTF-8 length plus one (0
 * for none) and its bytes; an optional number a presence byte and the number.
 */
final class EventBytes {
    private static final int MAX_STRING_BYTES = 8 << 20;

    private EventBytes() {}

    static void write(Event e, RouteBytes.Writer out) {
        writeString(out, e.id());
        writeString(out, e.host());
        writeString(out, e.source().wireName());
        out.writeLong(e.ts().getEpochSecond());
        out.writeInt(e.ts().getNano());
        writeString(out, e.unit());
        writeLong(out, e.pid());
        writeString(out, e.comm());
        writeString(out, e.identifier());
        writeLong(out, e.priority() == null ? null : e.priority().longValue());
        writeLong(out, e.facility() == null ? null : e.facility().longValue());
        writeString(out, e.messageId());
        writeString(out, e.bootId());
        writeString(out, e.file());
        writeLong(out, e.seq());
        writeString(out, e.cursor());
        writeLong(out, e.offset());
        out.writeByte(e.partial() == null ? -1 : e.partial() ? 1 : 0);
        writeStrings(out, List.copyOf(e.flags()));
        writeCount(out, e.fields().size());
        for (Map.Entry<String, String> f : e.fields().entrySet()) {
            writeString(out, f.getKey());
            writeString(out, f.getValue());
        }
    }

    /** The event written by {@link #write}, with {@code message} as its message. */
    static Event read(RouteBytes.Reader in, String message) throws IOException {
        String id = readString(in);
        String host = readString(in);
        Source source = Source.fromWireName(readString(in));
        Instant ts = Instant.ofEpochSecond(in.readLong(), in.readInt());
        Event.Builder b = Event.builder(host, source, ts, message).id(id);
        b.unit(readString(in)).pid(readLong(in)).comm(readString(in)).identifier(readString(in));
        Long priority = readLong(in);
        Long facility = readLong(in);
        b.priority(priority == null ? null : priority.intValue()).facility(facility == null ? null : facility.intValue());
        b.messageId(readString(in)).bootId(readString(in)).file(readString(in)).seq(readLong(in));
        b.cursor(readString(in)).offset(readLong(in));
        byte partial = in.readByte();
        b.partial(partial < 0 ? null : partial == 1);
        b.flags(new HashSet<>(readStrings(in)));
        int fieldCount = readCount(in);
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < fieldCount; i++) {
            fields.put(readString(in), readString(in));
        }
        return b.fields(fields).build();
    }

    static void writeString(RouteBytes.Writer out, String s) {
        if (s == null) {
            writeCount(out, 0);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeCount(out, utf8.length + 1);
        out.write(utf8);
    }

    static String readString(RouteBytes.Reader in) throws IOException {
        int length = readCount(in) - 1;
        if (length < 0) {
            return null;
        }
        if (length > MAX_STRING_BYTES) {
            throw new IOException("a string of " + length + " bytes");
        }
        return in.readUtf8(length);
    }

    static void writeStrings(RouteBytes.Writer out, List<String> items) {
        writeCount(out, items.size());
        for (String s : items) {
            writeString(out, s);
        }
    }

    static List<String> readStrings(RouteBytes.Reader in) throws IOException {
        int count = readCount(in);
        List<String> out = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            out.add(readString(in));
        }
        return out;
    }

    /** An unsigned varint: seven bits a byte, low bits first, the high bit set on all but the last. */
    static void writeCount(RouteBytes.Writer out, int count) {
        int v = count;
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    static int readCount(RouteBytes.Reader in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0) {
                    throw new IOException("a count of " + Integer.toUnsignedString(v));
                }
                return v;
            }
        }
        throw new IOException("a count longer than five bytes");
    }

    private static void writeLong(RouteBytes.Writer out, Long v) {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v);
        }
    }

    private static Long readLong(RouteBytes.Reader in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }
}
