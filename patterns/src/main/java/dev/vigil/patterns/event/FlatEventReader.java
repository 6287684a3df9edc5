package dev.vigil.patterns.event;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an event's JSON straight from its bytes when it has the shape shippers write: one flat
 * object of known fields whose values are ASCII strings (with JSON's escapes), integers of up to
 * 18 digits, {@code true}, {@code false} or {@code null}, {@code flags} an array of strings and
 * {@code fields} an object of such scalars. It answers null for anything else (an unknown field,
 * a fraction, a nested container, a byte outside ASCII in a string, broken JSON), and the event
 * is then read by Jackson's parser from the start: every input is accepted or refused, and
 * explained, exactly as that parser does; this only takes the common shape without a parser, a
 * token per value and a copy of every string through a char buffer, which were 16.5 of the 19.4 %
 * of the live stream thread the parse took (bench/RESULTS.md).
 */
final class FlatEventReader {
    /**
     * Longer inputs go to Jackson: far below its own limits (a string of 20 M characters, a field
     * name of 50,000), which this reader then never has to apply.
     */
    static final int MAX_BYTES = 1 << 20;
    /** Digits of an integer this reader takes: any 18 fit a long. */
    private static final int MAX_DIGITS = 18;

    private final byte[] b;
    private final FlatReadScratch scratch = FlatReadScratch.ofThread();
    private int i;

    private FlatEventReader(byte[] json) {
        this.b = json;
    }

    /**
     * The fields of {@code json}, or null when it is not of the flat shape (Jackson reads it then);
     * valid until the next read on this thread ({@link FlatReadScratch}).
     */
    static RawEvent read(byte[] json) {
        return json.length > MAX_BYTES ? null : new FlatEventReader(json).object();
    }

    private RawEvent object() {
        RawEvent raw = scratch.emptyFields();
        skipSpace();
        if (!take('{')) {
            return null;
        }
        if (empty('}')) {
            return raw;
        }
        while (true) {
            if (!take('"')) {
                return null;
            }
            int slot = knownName();
            skipSpace();
            if (slot < 0 || !take(':')) {
                return null;
            }
            skipSpace();
            if (!value(raw, slot)) {
                return null;
            }
            int next = afterMember('}');
            if (next != MORE) {
                return next == CLOSED ? raw : null; // what follows the object is not read, as with Jackson
            }
        }
    }

    /** The slot of the name whose opening quote was just taken, through its closing quote; -1 for any other name. */
    private int knownName() {
        byte[] b = this.b; // locals in the loops: a field written on every byte is stored on every byte
        int start = i;
        if (start + Long.BYTES <= b.length) {
            // most names are shorter than 8 bytes: the name and its closing quote in one word
            long word = JsonTextScan.word(b, start);
            int length = JsonTextScan.firstQuote(word);
            if (length < Long.BYTES) {
                i = start + length + 1;
                return KnownNames.slot(word, length);
            }
        }
        int end = start;
        while (end < b.length && b[end] != '"') {
            end++;
        }
        if (end >= b.length) {
            return -1;
        }
        i = end + 1;
        return KnownNames.slot(b, start, end - start);
    }

    /** Reads the value of a known field into {@code raw}; false when it is not of the flat shape. */
    private boolean value(RawEvent raw, int slot) {
        if (i >= b.length) {
            return false;
        }
        switch (b[i]) {
            case '"' -> {
                i++;
                if (slot == RawEvent.TS && time(raw)) {
                    return true;
                }
                String text = string(scratch.lastText(slot));
                if (text == null) {
                    return false;
                }
                scratch.read(slot, text);
                raw.setScalar(slot, JsonNodeType.STRING, text);
            }
            case 't', 'f', 'n' -> {
                String literal = literal();
                if (literal == null) {
                    return false;
                }
                raw.setScalar(slot, literal == NULL ? null : JsonNodeType.BOOLEAN, literal == NULL ? null : literal);
            }
            case '[' -> {
                i++;
                List<String> flags = slot == RawEvent.FLAGS ? flags() : null;
                if (flags == null) {
                    return false;
                }
                raw.setContainer(slot, JsonNodeType.ARRAY, flags);
            }
            case '{' -> {
                i++;
                Map<String, String> fields = slot == RawEvent.FIELDS ? fields() : null;
                if (fields == null) {
                    return false;
                }
                raw.setContainer(slot, JsonNodeType.OBJECT, fields);
            }
            default -> {
                int at = i;
                if (!integer()) {
                    return false;
                }
                raw.setInteger(slot, parsedInteger(at));
            }
        }
        return true;
    }

    /**
     * Reads the time whose opening quote was just taken as an instant, without its text, when it
     * is in the shippers' form (any other is read as text, which {@link RawEvent#toEvent} parses
     * or refuses); false, and nothing read, otherwise.
     */
    private boolean time(RawEvent raw) {
        int end = JsonTextScan.stop(b, i);
        Instant t = end < b.length && b[end] == '"' ? scratch.time(b, i, end) : null;
        if (t == null) {
            return false;
        }
        raw.setTime(RawEvent.TS, t);
        i = end + 1;
        return true;
    }

    private static final String NULL = "null";

    /** {@code true}, {@code false} or {@link #NULL} from here; null for any other text. */
    private String literal() {
        String word = switch (b[i]) {
            case 't' -> "true";
            case 'f' -> "false";
            default -> NULL;
        };
        if (!startsWith(word)) {
            return null;
        }
        i += word.length();
        return word;
    }

    private boolean startsWith(String word) {
        if (i + word.length() > b.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An integer from here: {@code -?(0|[1-9][0-9]*)} of at most {@link #MAX_DIGITS} digits, not
     * followed by a fraction or exponent; false (position undefined) otherwise.
     */
    private boolean integer() {
        if (b[i] == '-') {
            i++;
        }
        int start = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && b[start] == '0')) {
            return false;
        }
        return i >= b.length || (b[i] != '.' && b[i] != 'e' && b[i] != 'E');
    }

    /** The value of the integer {@link #integer} just read from {@code at}. */
    private long parsedInteger(int at) {
        boolean negative = b[at] == '-';
        long v = 0;
        for (int k = negative ? at + 1 : at; k < i; k++) {
            v = v * 10 + (b[k] - '0');
        }
        return negative ? -v : v;
    }

    /** The string whose opening quote was just taken, through its closing quote; null when it is not ASCII JSON text. */
    private String string() {
        return string(null);
    }

    /** As {@link #string()}, but {@code last} itself (no copy) when the string has its text. */
    private String string(String last) {
        byte[] b = this.b;
        int start = i;
        int k = JsonTextScan.stop(b, start);
        if (k >= b.length) {
            return null;
        }
        if (b[k] == '"') {
            i = k + 1;
            return last != null && sameText(b, start, k - start, last) ? last
                    : new String(b, start, k - start, StandardCharsets.ISO_8859_1);
        }
        if (b[k] == '\\') { // rare: decoded on a path of its own
            JsonEscapedString escaped = new JsonEscapedString(b, k);
            String text = escaped.read(start);
            i = escaped.position();
            return text;
        }
        return null; // a control character (Jackson refuses it unescaped) or not ASCII
    }

    /** Whether the {@code length} ASCII bytes of {@code b} from {@code start} are the text of {@code s}. */
    private static boolean sameText(byte[] b, int start, int length, String s) {
        if (s.length() != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (b[start + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The strings of an array whose {@code [} was just taken, through its {@code ]}; null for any other array. */
    private List<String> flags() {
        List<String> flags = new ArrayList<>(4);
        if (empty(']')) {
            return flags;
        }
        while (true) {
            if (!take('"')) {
                return null;
            }
            String flag = string();
            if (flag == null) {
                return null;
            }
            flags.add(flag);
            int next = afterMember(']');
            if (next != MORE) {
                return next == CLOSED ? flags : null;
            }
        }
    }

    /**
     * The scalars of an object whose <code>{</code> was just taken, as text, through its <code>}</code>;
     * null when a value is a container or a fraction.
     */
    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (empty('}')) {
            return fields;
        }
        while (true) {
            String name = take('"') ? string() : null;
            skipSpace();
            if (name == null || !take(':')) {
                return null;
            }
            skipSpace();
            String text = scalarText();
            if (text == null) {
                return null;
            }
            fields.put(name, text);
            int next = afterMember('}');
            if (next != MORE) {
                return next == CLOSED ? fields : null;
            }
        }
    }

    /** A scalar's text as a field value ({@code null} as the text "null"); null when it is none this reader takes. */
    private String scalarText() {
        if (i >= b.length) {
            return null;
        }
        return switch (b[i]) {
            case '"' -> {
                i++;
                yield string();
            }
            case 't', 'f', 'n' -> literal();
            default -> {
                int at = i;
                yield integer() ? Long.toString(parsedInteger(at)) : null;
            }
        };
    }

    private static final int CLOSED = 1;
    private static final int MORE = 0;
    private static final int NOT_FLAT = -1;

    /** Whether a container just opened is closed at once by {@code close}. */
    private boolean empty(char close) {
        skipSpace();
        return take(close);
    }

    /** After a member or element: {@link #CLOSED} by {@code close}, {@link #MORE} after a comma, else {@link #NOT_FLAT}. */
    private int afterMember(char close) {
        skipSpace();
        if (take(close)) {
            return CLOSED;
        }
        if (!take(',')) {
            return NOT_FLAT;
        }
        skipSpace();
        return MORE;
    }

    private boolean take(char c) {
        if (i < b.length && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }

    /** JSON's whitespace, as Jackson takes it between tokens; small enough to be inlined where there is none, mostly. */
    private void skipSpace() {
        if (i < b.length && b[i] <= ' ') {
            skipSpaceFrom();
        }
    }

    private void skipSpaceFrom() {
        byte[] b = this.b;
        int k = i;
        while (k < b.length && (b[k] == ' ' || b[k] == '\n' || b[k] == '\r' || b[k] == '\t')) {
            k++;
        }
        i = k;
    }
}
