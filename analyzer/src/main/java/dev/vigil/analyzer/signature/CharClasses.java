package dev.vigil.analyzer.signature;

import java.util.List;
import java.util.Set;

/**
 * What the {@link MaskingTokenizer} knows of single characters and short words: character
 * classes in a table indexed by any char, the unit and date words that mark a value, and the
 * scans over a line that need nothing but the characters (token ends, quotes, paths, URLs).
 */
final class CharClasses {

    static final byte PUNCTUATION = 1;
    static final byte SPACE = 2;
    static final byte DIGIT = 4;
    static final byte VALUE_END = 8;
    /** '=' and '.', which end a segment only in some places. */
    static final byte MAYBE_STOP = 16;
    /** First letters of {@link #UNITS}. */
    private static final byte UNIT_START = 32;
    /**
     * Units of size, time and rate that follow a number as their own token: the number and its
     * unit are one value ({@code 900 B}, {@code 1.2 KB}, {@code <1 sec}, {@code 3 days}).
     */
    private static final Set<String> UNIT_WORDS = Set.of("B", "KB", "kB", "MB", "GB", "TB", "PB", "KiB", "MiB",
            "GiB", "TiB", "b", "kb", "mb", "gb", "bytes", "byte", "Bytes", "ns", "us", "\u00b5s", "ms", "s",
            "sec", "secs", "second", "seconds", "msec", "msecs", "min", "mins", "minute", "minutes", "h", "hr",
            "hrs", "hour", "hours", "day", "days", "%");
    private static final WordSet UNITS = new WordSet(UNIT_WORDS);
    private static final int MAX_UNIT_LENGTH = 7;
    private static final WordSet MONTHS = new WordSet(List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
            "Aug", "Sep", "Oct", "Nov", "Dec"));
    /** Day and month names, abbreviated or not, capitalised or upper case. */
    private static final WordSet DATE_WORDS = new WordSet(dateWords());
    /** The first three letters of {@link #DATE_WORDS}: most tokens are ruled out before their end is sought. */
    static final WordSet DATE_PREFIXES = new WordSet(dateWords().stream().map(w -> w.substring(0, 3)).toList());
    /** Indexed by any char, so that the hot loops need no range check. */
    static final byte[] CLASSES = new byte[Character.MAX_VALUE + 1];

    static {
        for (char c : ":,;()[]{}<>@#|/\"'".toCharArray()) {
            CLASSES[c] |= PUNCTUATION;
        }
        for (char c : " \t\n\r\f\u000b".toCharArray()) {
            CLASSES[c] |= SPACE;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] |= DIGIT;
        }
        for (char c : ",;)]}".toCharArray()) {
            CLASSES[c] |= VALUE_END;
        }
        CLASSES['='] |= MAYBE_STOP;
        for (String unit : UNIT_WORDS) {
            CLASSES[unit.charAt(0)] |= UNIT_START;
        }
        CLASSES['.'] |= MAYBE_STOP;
    }

    private static Set<String> dateWords() {
        Set<String> out = new java.util.HashSet<>();
        for (String w : List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                "January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December", "Sept")) {
            String abbreviated = w.substring(0, 3);
            for (String form : List.of(w, abbreviated)) {
                out.add(form);
                out.add(form.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }

    private CharClasses() {}

    static int tokenEnd(char[] s, int from, int n) {
        int to = from;
        while (to < n && !isSpace(s[to])) {
            to++;
        }
        return to;
    }
    /** Index of the quote closing the one at {@code from}, when it ends a token; else -1. */
    static int closingQuote(char[] s, int from, int n) {
        char quote = s[from];
        for (int j = from + 1; j < n; j++) {
            if (s[j] == quote) {
                return j + 1 == n || isSpace(s[j + 1]) || isPunctuation(s[j + 1]) ? j : -1;
            }
        }
        return -1;
    }
    /** logfmt keys whose value is the line's own text (its message, level, error), not a parameter. */
    private static final WordSet TEXT_KEYS = new WordSet(List.of("msg", "message", "level", "lvl", "severity", "err",
            "error", "event"));

    /** True when the key that ends at the {@code =} at {@code eq} starts a token and is one of {@link #TEXT_KEYS}. */
    static boolean isTextKey(char[] s, int tokenFrom, int eq) {
        return eq > tokenFrom && TEXT_KEYS.contains(s, tokenFrom, eq - tokenFrom);
    }
    static boolean isTrailingPunctuation(char c) {
        return c == ':' || c == ',' || c == ';' || c == ')' || c == ']' || c == '}';
    }
    static boolean mayStartUnit(char c) {
        return (CLASSES[c] & UNIT_START) != 0;
    }
    /** A size, time or rate unit written as its own token after a number ({@code 3.1 KB}, {@code 2 sec}). */
    static boolean isUnitAfterNumber(char[] s, int from, int to) {
        int end = to;
        while (end > from && isTrailingPunctuation(s[end - 1])) {
            end--;
        }
        int len = end - from;
        if (len < 1 || len > MAX_UNIT_LENGTH) {
            return false;
        }
        return UNITS.contains(s, from, len);
    }
    static boolean isPath(char[] s, int from, int n) {
        char c = s[from];
        if (c == '/') {
            return from + 1 < n && !isSpace(s[from + 1]);
        }
        return (c == '.' || c == '~') && from + 2 < n && !isSpace(s[from + 2])
                && (s[from + 1] == '/' || (s[from + 1] == '.' && s[from + 2] == '/'));
    }
    static boolean isUrlScheme(char[] s, int colon, int n) {
        return colon + 2 < n && s[colon + 1] == '/' && s[colon + 2] == '/';
    }
    /** Two or more dots in a row pad a label ({@code depth.......7}) rather than join a name. */
    static boolean isDotRun(char[] s, int at, int n) {
        return s[at] == '.' && ((at + 1 < n && s[at + 1] == '.')
                || (at > 0 && s[at - 1] == '.'));
    }
    static boolean isPunctuation(char c) {
        return (CLASSES[c] & PUNCTUATION) != 0;
    }
    static boolean isSpace(char c) {
        return (CLASSES[c] & SPACE) != 0;
    }

    /** Whether {@code s[from, to)} holds a space. */
    static boolean hasSpace(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isSpace(s[i])) {
                return true;
            }
        }
        return false;
    }

    /** A day or month name ({@code Sun}, {@code JUNE}) from {@code from} to {@code to}, trailing punctuation aside. */
    static boolean isDateName(char[] s, int from, int to) {
        int end = to;
        while (end > from && isTrailingPunctuation(s[end - 1])) {
            end--;
        }
        return end - from >= 3 && end - from <= 9 && DATE_WORDS.contains(s, from, end - from);
    }

    /** Whether the token after {@code to} goes on a date: a number, or a month name. */
    static boolean nextStartsDate(char[] s, int to, int n) {
        int next = to;
        while (next < n && isSpace(s[next])) {
            next++;
        }
        if (next < n && (CLASSES[s[next]] & DIGIT) != 0) {
            return true;
        }
        int nextEnd = tokenEnd(s, next, n);
        return nextEnd - next == 3 && MONTHS.contains(s, next, 3);
    }
}
