package dev.vigil.patterns.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an event without unknown fields as compact JSON, byte for byte what Jackson writes for
 * {@link EventJson#toTree} (same field order, same escapes: {@code \" \\ \b \t \n \f \r},
 * <code>&#92;u00XX</code> for other control characters, <code>&#92;uXXXX</code> for each surrogate, raw UTF-8
 * otherwise). Shippers call it once per line, and Jackson's generator cost as much as all the rest
 * of shipping a line; {@code EventJsonTest} pins the equality.
 */
final class EventJsonWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For ASCII: 0 written as is, else the character after the backslash ({@code 'u'} for <code>&#92;u00XX</code>). */
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

    private static final byte[] ID = key("id");
    private static final byte[] HOST = key("host");
    private static final byte[] SOURCE = key("source");
    private static final byte[] TS = key("ts");
    private static final byte[] MESSAGE = key("message");
    private static final byte[] UNIT = key("unit");
    private static final byte[] PID = key("pid");
    private static final byte[] COMM = key("comm");
    private static final byte[] IDENTIFIER = key("identifier");
    private static final byte[] PRIORITY = key("priority");
    private static final byte[] FACILITY = key("facility");
    private static final byte[] MESSAGE_ID = key("message_id");
    private static final byte[] BOOT_ID = key("boot_id");
    private static final byte[] FILE = key("file");
    private static final byte[] SEQ = key("seq");
    private static final byte[] CURSOR = key("cursor");
    private static final byte[] OFFSET = key("offset");
    private static final byte[] PARTIAL = key("partial");
    private static final byte[] FLAGS = key("flags");
    private static final byte[] FIELDS = key("fields");

    /** Largest scratch buffer a thread keeps between events; a longer event's is dropped after it. */
    private static final int KEPT_SCRATCH_BYTES = 64 * 1024;
    /**
     * Each thread's buffer to write into before the exact-size copy: a fresh one per event was a
     * tenth of what the shipper allocates per line, and allocation is what its GC time follows.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);

    private byte[] buf;
    private int pos;
    private boolean first = true;

    private EventJsonWriter(byte[] scratch) {
        buf = scratch;
    }

    /** The event's JSON; the event must have no {@code extra} fields. */
    static byte[] write(Event e) {
        EventJsonWriter w = new EventJsonWriter(SCRATCH.get());
        w.writeEvent(e);
        if (w.buf.length <= KEPT_SCRATCH_BYTES) {
            SCRATCH.set(w.buf);
        }
        return Arrays.copyOf(w.buf, w.pos);
    }

    private void writeEvent(Event e) {
        ascii('{');
        field(ID, e.id());
        field(HOST, e.host());
        field(SOURCE, e.source().wireName());
        timestamp(e.ts());
        field(MESSAGE, e.message());
        field(UNIT, e.unit());
        field(PID, e.pid());
        field(COMM, e.comm());
        field(IDENTIFIER, e.identifier());
        field(PRIORITY, e.priority() == null ? null : e.priority().longValue());
        field(FACILITY, e.facility() == null ? null : e.facility().longValue());
        field(MESSAGE_ID, e.messageId());
        field(BOOT_ID, e.bootId());
        field(FILE, e.file());
        field(SEQ, e.seq());
        field(CURSOR, e.cursor());
        field(OFFSET, e.offset());
        if (e.partial() != null) {
            name(PARTIAL);
            raw(e.partial() ? "true" : "false");
        }
        flags(e.flags());
        fields(e.fields());
        ascii('}');
    }

    private void timestamp(Instant ts) {
        if (!IsoInstant.isFourDigitYear(ts)) {
            field(TS, ts.toString());
            return;
        }
        name(TS);
        int length = IsoInstant.length(ts);
        ensure(length + 2);
        buf[pos++] = '"';
        IsoInstant.write(ts, buf, pos);
        pos += length;
        buf[pos++] = '"';
    }

    /** {@code "name":} in ASCII. */
    private static byte[] key(String name) {
        return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    private void field(byte[] name, String value) {
        if (value != null) {
            name(name);
            string(value);
        }
    }

    private void field(byte[] name, Long value) {
        if (value != null) {
            name(name);
            number(value);
        }
    }

    /** A long's decimal digits, without building its text. */
    private void number(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                raw(Long.toString(value));
                return;
            }
            ascii('-');
            value = -value;
        }
        int digits = AsciiDigits.count(value);
        ensure(digits);
        AsciiDigits.write(value, buf, pos, digits);
        pos += digits;
    }

    private void flags(Set<String> flags) {
        if (flags.isEmpty()) {
            return;
        }
        name(FLAGS);
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
        name(FIELDS);
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

    /** A field name with its colon; after the first field, with its comma. */
    private void name(byte[] name) {
        ensure(name.length + 1);
        if (!first) {
            buf[pos++] = ',';
        }
        first = false;
        System.arraycopy(name, 0, buf, pos, name.length);
        pos += name.length;
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
     * A quoted string. Most text is plain ASCII, copied straight into the buffer; at the first
     * character JSON escapes or UTF-8 encodes in more than a byte, the rest goes character by
     * character. Encoding each string to a byte array first was a sixth of what the shipper
     * allocated per line.
     */
    private void string(String s) {
        int len = s.length();
        ensure(len + 2);
        buf[pos++] = '"';
        int i = 0;
        while (i < len) {
            char c = s.charAt(i);
            if (c >= 0x80 || ESCAPES[c] != 0) {
                break;
            }
            buf[pos++] = (byte) c;
            i++;
        }
        if (i < len) {
            escaped(s, i);
        }
        buf[pos++] = '"';
    }

    /**
     * The rest of a string from {@code from}, character by character. Room for one byte per
     * remaining character (and the closing quote) is kept at every step; escapes and multi-byte
     * characters make more room.
     */
    private void escaped(String s, int from) {
        int len = s.length();
        for (int i = from; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && ESCAPES[c] == 0) {
                buf[pos++] = (byte) c;
            } else {
                ensure(6 + len - i);
                special(c);
            }
        }
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
