package dev.vigil.patterns.event;

/**
 * A string of an event's JSON that holds an escape, decoded for {@link FlatEventReader} from its
 * first backslash on: the rare case, kept off the reader's loop over plain strings.
 */
final class JsonEscapedString {
    private final byte[] b;
    private int i;

    JsonEscapedString(byte[] json, int backslash) {
        this.b = json;
        this.i = backslash;
    }

    /**
     * The string from {@code start}, its first character, through its closing quote; null when it is
     * not ASCII JSON text. {@link #position} is then just past the quote.
     */
    String read(int start) {
        StringBuilder text = new StringBuilder(i - start + 16);
        for (int k = start; k < i; k++) {
            text.append((char) b[k]);
        }
        while (i < b.length) {
            byte c = b[i++];
            if (c == '"') {
                return text.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                text.append((char) c);
                continue;
            }
            if (i >= b.length) {
                return null;
            }
            switch (b[i++]) {
                case '"' -> text.append('"');
                case '\\' -> text.append('\\');
                case '/' -> text.append('/');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    int ch = hex4();
                    if (ch < 0) {
                        return null;
                    }
                    text.append((char) ch);
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** The four hex digits from here as a number; -1 when they are not. */
    private int hex4() {
        if (i + 4 > b.length) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[i++], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Where the reader goes on: just past the closing quote after a {@link #read} that gave a string. */
    int position() {
        return i;
    }
}
