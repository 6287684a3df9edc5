package dev.vigil.shippers.file;

import dev.vigil.shippers.container.ContainerRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * One line of a file as text: invalid UTF-8 replaced and flagged {@code invalid_utf8}, a trailing
 * carriage return dropped. A container log's line is the output its records hold ({@code record}
 * the whole line's, null for other files).
 */
record DecodedLine(String text, Set<String> flags, int byteLength, ContainerRecord record) {
    DecodedLine {
        flags = Set.copyOf(flags);
    }

    DecodedLine(String text, Set<String> flags, int byteLength) {
        this(text, flags, byteLength, null);
    }

    static DecodedLine decode(byte[] buf, int from, int to, Set<String> extraFlags) {
        int end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        if (extraFlags.isEmpty() && isAscii(buf, from, end)) {
            return new DecodedLine(new String(buf, from, end - from, StandardCharsets.ISO_8859_1), Set.of(), to - from);
        }
        Set<String> flags = new HashSet<>(extraFlags);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, from, end - from)).toString();
        } catch (CharacterCodingException e) {
            text = new String(buf, from, end - from, StandardCharsets.UTF_8);
            flags.add("invalid_utf8");
        }
        return new DecodedLine(text, flags, to - from);
    }

    /** Where a file's first line's text starts: after a UTF-8 byte order mark (a Windows tool's) when it has one. */
    static int afterByteOrderMark(byte[] buf, int from, int newline) {
        boolean mark = newline - from >= 3 && buf[from] == (byte) 0xef && buf[from + 1] == (byte) 0xbb && buf[from + 2] == (byte) 0xbf;
        return mark ? from + 3 : from;
    }

    private static boolean isAscii(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
