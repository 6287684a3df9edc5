package dev.vigil.patterns.compile;

import java.util.BitSet;
import java.util.List;

/**
 * The ASCII characters a match of a regex anchored at the start of its text can begin with,
 * read from the regex's source: a text whose first character is not one of them cannot match, and
 * RE2/J's fixed cost per call (its matcher and machine, about a microsecond) is spared. On an app
 * log, {@code python_exception}'s {@code ^(?<exception>(?:[A-Za-z_]\w*\.)*…)} meets every ERROR line,
 * which begins with its time stamp. Only plain syntax is read (characters, escapes, classes,
 * groups, alternation, repetition); anything else (flags, Unicode classes, case folding) gives no
 * answer and the regex always runs. A character beyond ASCII always runs it too.
 */
final class FirstChars {
    private static final BitSet WORD = set("0-9A-Za-z_");
    private static final BitSet DIGIT = set("0-9");
    private static final BitSet SPACE = chars("\t\n\f\r ");

    /** What a part of a regex can begin with, and whether it can match the empty text. */
    private record Part(BitSet first, boolean nullable) {}

    /** The regex's source could not be read here. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    private final String s;
    private int i;

    private FirstChars(String s) {
        this.s = s;
    }

    /**
     * For alternatives that each begin with {@code ^}: by ASCII code, whether a match can begin
     * with that character; null when not known or when the regex can match the empty text.
     */
    static boolean[] of(List<String> anchoredBranches) {
        BitSet first = new BitSet(128);
        for (String b : anchoredBranches) {
            if (!b.startsWith("^")) {
                return null;
            }
            Part p;
            try {
                FirstChars reader = new FirstChars(b.substring(1));
                p = reader.alternation();
                if (reader.i != reader.s.length()) {
                    return null;
                }
            } catch (Unknown | IndexOutOfBoundsException e) {
                return null;
            }
            if (p.nullable()) {
                return null;
            }
            first.or(p.first());
        }
        boolean[] out = new boolean[128];
        for (int c = first.nextSetBit(0); c >= 0 && c < 128; c = first.nextSetBit(c + 1)) {
            out[c] = true;
        }
        return out;
    }

    private Part alternation() {
        Part p = sequence();
        while (i < s.length() && s.charAt(i) == '|') {
            i++;
            Part q = sequence();
            BitSet first = (BitSet) p.first().clone();
            first.or(q.first());
            p = new Part(first, p.nullable() || q.nullable());
        }
        return p;
    }

    private Part sequence() {
        BitSet first = new BitSet(128);
        boolean nullable = true;
        while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
            Part a = repeated(atom());
            if (nullable) {
                first.or(a.first());
                nullable = a.nullable();
            }
        }
        return new Part(first, nullable);
    }

    /** The atom with the repetition after it, if any. */
    private Part repeated(Part atom) {
        if (i >= s.length()) {
            return atom;
        }
        char c = s.charAt(i);
        Part out = atom;
        if (c == '*' || c == '?') {
            i++;
            out = new Part(atom.first(), true);
        } else if (c == '+') {
            i++;
        } else if (c == '{') {
            int close = s.indexOf('}', i);
            if (close < 0 || !s.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
                throw new Unknown(); // RE2 reads a brace that is no repetition as text: not read here
            }
            String min = s.substring(i + 1, close).split(",", -1)[0];
            i = close + 1;
            out = new Part(atom.first(), atom.nullable() || Integer.parseInt(min) == 0);
        } else {
            return atom;
        }
        if (i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '*' || s.charAt(i) == '+' || s.charAt(i) == '{')) {
            if (s.charAt(i) != '?') {
                throw new Unknown();
            }
            i++; // a lazy repetition matches the same texts
        }
        return out;
    }

    private Part atom() {
        char c = s.charAt(i);
        switch (c) {
            case '(':
                return group();
            case '[':
                return new Part(characterClass(), false);
            case '\\':
                return escape();
            case '.':
                i++;
                return new Part(all(), false);
            case '^':
            case '$':
                i++;
                return new Part(new BitSet(), true);
            case '*':
            case '+':
            case '?':
            case '{':
                throw new Unknown();
            default:
                i++;
                return new Part(one(c), false);
        }
    }

    private Part group() {
        i++;
        if (s.startsWith("?:", i)) {
            i += 2;
        } else if (s.startsWith("?P<", i) || s.startsWith("?<", i) && !s.startsWith("?<=", i) && !s.startsWith("?<!", i)) {
            int close = s.indexOf('>', i);
            if (close < 0) {
                throw new Unknown();
            }
            i = close + 1;
        } else if (s.startsWith("?", i)) {
            throw new Unknown(); // flags
        }
        Part p = alternation();
        if (i >= s.length() || s.charAt(i) != ')') {
            throw new Unknown();
        }
        i++;
        return p;
    }

    private Part escape() {
        char e = s.charAt(i + 1);
        i += 2;
        switch (e) {
            case 'w':
                return new Part(WORD, false);
            case 'd':
                return new Part(DIGIT, false);
            case 's':
                return new Part(SPACE, false);
            case 'W':
                return new Part(not(WORD), false);
            case 'D':
                return new Part(not(DIGIT), false);
            case 'S':
                return new Part(not(SPACE), false);
            case 'b':
            case 'B':
            case 'A':
            case 'z':
                return new Part(new BitSet(), true);
            default:
                if (e < 0x80 && !Character.isLetterOrDigit(e)) {
                    return new Part(one(e), false);
                }
                throw new Unknown();
        }
    }

    private BitSet characterClass() {
        i++;
        boolean negated = i < s.length() && s.charAt(i) == '^';
        if (negated) {
            i++;
        }
        BitSet set = new BitSet(128);
        boolean firstInClass = true;
        while (true) {
            char c = s.charAt(i);
            if (c == ']' && !firstInClass) {
                i++;
                break;
            }
            firstInClass = false;
            if (c == '[') {
                throw new Unknown(); // [:alpha:] and the like
            }
            BitSet escaped = null;
            char lo = c;
            if (c == '\\') {
                char e = s.charAt(i + 1);
                switch (e) {
                    case 'w' -> escaped = WORD;
                    case 'd' -> escaped = DIGIT;
                    case 's' -> escaped = SPACE;
                    case 'W' -> escaped = not(WORD);
                    case 'D' -> escaped = not(DIGIT);
                    case 'S' -> escaped = not(SPACE);
                    default -> {
                        if (e >= 0x80 || Character.isLetterOrDigit(e)) {
                            throw new Unknown();
                        }
                        lo = e;
                    }
                }
                i += 2;
            } else {
                i++;
            }
            if (escaped != null) {
                set.or(escaped);
                continue;
            }
            if (s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
                char hi = s.charAt(i + 1);
                if (hi == '\\' || hi == '[') {
                    throw new Unknown();
                }
                i += 2;
                set.set(Math.min(lo, 128), Math.min(hi, 127) + 1);
            } else {
                set.set(Math.min(lo, 128));
            }
        }
        return negated ? not(set) : set;
    }

    private static BitSet one(char c) {
        BitSet b = new BitSet(128);
        if (c < 128) {
            b.set(c);
        }
        return b;
    }

    private static BitSet all() {
        BitSet b = new BitSet(128);
        b.set(0, 128);
        return b;
    }

    private static BitSet not(BitSet b) {
        BitSet out = all();
        out.andNot(b);
        return out;
    }

    private static BitSet set(String ranges) {
        BitSet b = new BitSet(128);
        for (int k = 0; k < ranges.length(); k++) {
            if (k + 2 < ranges.length() && ranges.charAt(k + 1) == '-') {
                b.set(ranges.charAt(k), ranges.charAt(k + 2) + 1);
                k += 2;
            } else {
                b.set(ranges.charAt(k));
            }
        }
        return b;
    }

    private static BitSet chars(String cs) {
        BitSet b = new BitSet(128);
        cs.chars().forEach(b::set);
        return b;
    }
}
