package dev.vigil.patterns.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an event without unknown fields as compact JSON, byte for byte what Jackson writes for
 * {@link EventJson#toTree} (same field order, same escapes: {@code \" \\ \b \t \n \f \r},
 * {@code \\u00XX} for other control characters, {@code \\uXXXX} for each surrogate, raw UTF-8
 * otherwise). Shippers call it once per line, and Jackson's generator cost as much as all the rest
 * of shipping a line; {@code EventJsonTest} pins the equality.
 */
final class EventJsonWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For ASCII: 0 written as is, else the character after the backslash ({@code 'u'} for {@code \\u00XX}). */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    private byte[] buf;
    private int pos;
    private boolean first = true;

    private EventJsonWriter(int capacity) {
        buf = new byte[capacity];
    }

    /** The event's JSON; the event must have no {@code extra} fields. */
    static byte[] write(Event e) {
        EventJsonWriter w = new EventJsonWriter(160 + e.message().length() + length(e.file()) + length(e.cursor())
                + length(e.unit()) + length(e.id()) + e.host().length());
        w.ascii('{');
        w.field("id", e.id());
        w.field("host", e.host());
        w.field("source", e.source().wireName());
        w.field("ts", IsoInstant.format(e.ts()));
        w.field("message", e.message());
        w.field("unit", e.unit());
        w.field("pid", e.pid());
        w.field("comm", e.comm());
        w.field("identifier", e.identifier());
        w.field("priority", e.priority() == null ? null : e.priority().longValue());
        w.field("facility", e.facility() == null ? null : e.facility().longValue());
        w.field("message_id", e.messageId());
        w.field("boot_id", e.bootId());
        w.field("file", e.file());
        w.field("seq", e.seq());
        w.field("cursor", e.cursor());
        w.field("offset", e.offset());
        if (e.partial() != null) {
            w.name("partial");
            w.raw(e.partial() ? "true" : "false");
        }
        w.flags(e.flags());
        w.fields(e.fields());
        w.ascii('}');
        return Arrays.copyOf(w.buf, w.pos);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private void field(String name, String value) {
        if (value != null) {
            name(name);
            string(value);
        }
    }

    private void field(String name, Long value) {
        if (value != null) {
            name(name);
            raw(Long.toString(value));
        }
    }

    private void flags(Set<String> flags) {
        if (flags.isEmpty()) {
            return;
        }
        name("flags");
        ascii('[');
        boolean firstFlag = true;
        for (String flag : flags.size() == 1 ? flags : new TreeSet<>(flags)) {
            if (!firstFlag) {
                ascii(',');
            }
            firstFlag = false;
            string(flag);
        }
        ascii(']');
    }

    private void fields(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return;
        }
        name("fields");
        ascii('{');
        boolean firstField = true;
        for (Map.Entry<String, String> f : new TreeMap<>(fields).entrySet()) {
            if (!firstField) {
                ascii(',');
            }
            firstField = false;
            string(f.getKey());
            ascii(':');
            string(f.getValue());
        }
        ascii('}');
    }

    /** A field name of the event's own, plain ASCII; after the first field, with its comma. */
    private void name(String name) {
        if (!first) {
            ascii(',');
        }
        first = false;
        string(name);
        ascii(':');
    }

    private void raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buf[pos++] = (byte) ascii.charAt(i);
        }
    }

    private void ascii(char c) {
        ensure(1);
        buf[pos++] = (byte) c;
    }

    /**
     * A quoted string. Room for one byte per remaining character is kept at every step, so plain
     * ASCII is copied without checks; escapes and multi-byte characters make more room.
     */
    private void string(String s) {
        int len = s.length();
        ensure(len + 2);
        buf[pos++] = '"';
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && ESCAPES[c] == 0) {
                buf[pos++] = (byte) c;
            } else {
                ensure(6 + len - i);
                special(c);
            }
        }
        buf[pos++] = '"';
    }

    private void special(char c) {
        if (c < 0x80) {
            buf[pos++] = '\\';
            buf[pos++] = ESCAPES[c];
            if (ESCAPES[c] == 'u') {
                hex4(c);
            }
        } else if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | (c >> 6));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            buf[pos++] = '\\';
            buf[pos++] = 'u';
            hex4(c);
        } else {
            buf[pos++] = (byte) (0xE0 | (c >> 12));
            buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void hex4(char c) {
        buf[pos++] = HEX[(c >> 12) & 0xF];
        buf[pos++] = HEX[(c >> 8) & 0xF];
        buf[pos++] = HEX[(c >> 4) & 0xF];
        buf[pos++] = HEX[c & 0xF];
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }
}
