package dev.vigil.shippers.kmsg;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes one {@code /dev/kmsg} record: {@code pri,seq,ts_usec,flags[,key=value...];message\n}
 * followed by {@code " KEY=value\n"} continuation lines.
 *
 * <p>The kernel escapes bytes below 0x20, 0x7f and above, and the backslash as {@code \xNN}
 * (see Documentation/ABI/testing/dev-kmsg); they are decoded back to bytes and the message is
 * then read as UTF-8.
 */
public final class KmsgRecordParser {
    private KmsgRecordParser() {}

    /** Parses one record as returned by one read of the device. */
    public static KmsgRecord parse(byte[] raw) throws KmsgFormatException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int semicolon = text.indexOf(';');
        if (semicolon < 0) {
            throw new KmsgFormatException("no ';' between prefix and message");
        }
        String[] prefix = text.substring(0, semicolon).split(",");
        if (prefix.length < 4) {
            throw new KmsgFormatException("prefix has " + prefix.length + " fields, expected pri,seq,ts_usec,flags");
        }
        int pri = (int) number(prefix[0], "pri");
        long seq = number(prefix[1], "seq");
        long ts = number(prefix[2], "ts_usec");
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 4; i < prefix.length; i++) {
            putKeyValue(properties, prefix[i]);
        }
        String body = text.substring(semicolon + 1);
        String[] lines = body.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith(" ")) {
                putKeyValue(properties, lines[i].substring(1));
            }
        }
        byte[] message = unescape(lines[0]);
        String decoded;
        boolean invalid = false;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(message)).toString();
        } catch (CharacterCodingException e) {
            decoded = new String(message, StandardCharsets.UTF_8);
            invalid = true;
        }
        return new KmsgRecord(pri >> 3, pri & 7, seq, ts, decoded, invalid, properties);
    }

    private static long number(String field, String name) throws KmsgFormatException {
        try {
            long v = Long.parseLong(field.trim());
            if (v < 0) {
                throw new KmsgFormatException(name + " is negative: '" + field + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new KmsgFormatException(name + " is not a number: '" + field + "'");
        }
    }

    private static void putKeyValue(Map<String, String> into, String kv) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
            into.put(kv.substring(0, eq), new String(unescape(kv.substring(eq + 1)), StandardCharsets.UTF_8));
        }
    }

    private static byte[] unescape(String latin1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(latin1.length());
        for (int i = 0; i < latin1.length(); i++) {
            char c = latin1.charAt(i);
            if (c == '\\' && i + 3 < latin1.length() && latin1.charAt(i + 1) == 'x'
                    && isHex(latin1.charAt(i + 2)) && isHex(latin1.charAt(i + 3))) {
                out.write(Integer.parseInt(latin1.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
