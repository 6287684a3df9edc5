package dev.vigil.patterns.compile;

/**
 * Limits on a regex, checked on its text before RE2/J compiles it. RE2/J runs in linear time,
 * but accepts what RE2 refuses: counted repetitions nested in each other multiply
 * ({@code ((a{100}){100}){100}} is a million instructions, and the compiler runs out of memory
 * building them), and thousands of nested groups overflow the stack of every recursive pass. So
 * the nesting depth and an estimate of the compiled program's size are measured here, without
 * recursion, and a regex over either limit is refused.
 */
public final class RegexLimits {
    /** Deepest group nesting accepted; real log regexes nest a handful of levels. */
    public static final int MAX_NESTING = 100;
    /** Most instructions a compiled regex may have (estimated); RE2 itself refuses programs near this size. */
    public static final long MAX_PROGRAM_SIZE = 100_000;
    /** A program this large is legal but costs its size in steps at every character matched: lint warns. */
    public static final long LARGE_PROGRAM_SIZE = 1_000;

    private RegexLimits() {}

    /** The deepest nesting of groups in {@code regex} (0 for none); escapes and classes hold no groups. */
    public static int nesting(String regex) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = endOfClass(regex, i);
            } else if (c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return deepest;
    }

    /**
     * An estimate of the instructions RE2/J compiles {@code regex} to: one per literal, class or
     * operator, a counted repetition copies its operand once per count. Saturates above
     * {@link #MAX_PROGRAM_SIZE}. Only meaningful for a regex within {@link #MAX_NESTING}.
     */
    public static long programSize(String regex) {
        long cap = MAX_PROGRAM_SIZE * 10;
        long[] total = new long[MAX_NESTING + 2];
        long[] last = new long[MAX_NESTING + 2];
        int level = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            long atom = 0;
            if (c == '\\') {
                i = endOfEscape(regex, i);
                atom = 1;
            } else if (c == '[') {
                i = endOfClass(regex, i);
                atom = 1;
            } else if (c == '(' && flagsOnly(regex, i)) {
                i = regex.indexOf(')', i);
            } else if (c == '(') {
                if (level == MAX_NESTING + 1) {
                    return cap;
                }
                level++;
                total[level] = 0;
                last[level] = 0;
            } else if (c == ')' && level > 0) {
                atom = Math.min(cap, total[level] + 2);
                level--;
            } else if (c == '|') {
                total[level] = Math.min(cap, total[level] + 1);
                last[level] = 0;
            } else if (c == '*' || c == '+' || c == '?') {
                total[level] = Math.min(cap, total[level] + 1);
                i = skipLazy(regex, i);
            } else if (c == '{' && repeatCount(regex, i) >= 0) {
                long count = repeatCount(regex, i);
                long copies = Math.min(cap, last[level] * count + count);
                total[level] = Math.min(cap, total[level] - last[level] + copies);
                last[level] = copies;
                i = skipLazy(regex, regex.indexOf('}', i));
            } else {
                atom = 1;
            }
            if (atom > 0) {
                total[level] = Math.min(cap, total[level] + atom);
                last[level] = atom;
            }
        }
        return total[0];
    }

    /** Why a regex is refused, and what to do about it. */
    public record Violation(String reason, String hint) {}

    /**
     * Why {@code regex} is refused, or null when it is within the limits. The nesting is checked
     * first: the size estimate keeps one counter per level.
     */
    public static Violation violation(String regex) {
        int nesting = nesting(regex);
        if (nesting > MAX_NESTING) {
            return new Violation("groups nest " + nesting + " deep, more than the limit of " + MAX_NESTING,
                    "drop groups that only hold another group");
        }
        if (programSize(regex) > MAX_PROGRAM_SIZE) {
            return new Violation("it compiles to more than " + MAX_PROGRAM_SIZE + " instructions (counted repetitions multiply)",
                    "match the repeated part with '+' or '*', or use smaller counts");
        }
        return null;
    }

    /** The largest count of the repetition {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code open}; -1 if it is not one. */
    static long repeatCount(String s, int open) {
        int close = s.indexOf('}', open);
        if (close < 0 || close - open > 16) {
            return -1;
        }
        String body = s.substring(open + 1, close);
        if (!body.matches("\\d+(,\\d*)?")) {
            return -1;
        }
        int comma = body.indexOf(',');
        long min = Long.parseLong(comma < 0 ? body : body.substring(0, comma));
        if (comma < 0) {
            return min;
        }
        String max = body.substring(comma + 1);
        // {n,} is n copies and a loop
        return max.isEmpty() ? min + 1 : Math.max(min, Long.parseLong(max));
    }

    /** Index of the last character of the escape at {@code at}: {@code \p{Greek}}, {@code \x{41}} and {@code \Q…\E} span several. */
    private static int endOfEscape(String s, int at) {
        if (at + 1 >= s.length()) {
            return at;
        }
        char e = s.charAt(at + 1);
        if ((e == 'p' || e == 'P' || e == 'x') && at + 2 < s.length() && s.charAt(at + 2) == '{') {
            int close = s.indexOf('}', at + 2);
            return close < 0 ? s.length() - 1 : close;
        }
        if (e == 'Q') {
            int end = s.indexOf("\\E", at + 2);
            return end < 0 ? s.length() - 1 : end + 1;
        }
        return at + 1;
    }

    /** Index of the {@code ]} that closes the class opened at {@code open} (the last index if none). */
    static int endOfClass(String s, int open) {
        int i = open + 1;
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
        }
        while (i < s.length() && s.charAt(i) != ']') {
            if (s.startsWith("[:", i)) {
                int close = s.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else {
                i += s.charAt(i) == '\\' ? 2 : 1;
            }
        }
        return Math.min(i, s.length() - 1);
    }

    /** True for {@code (?i)} and the like: flags for the rest of the group, not a group. */
    private static boolean flagsOnly(String s, int open) {
        if (!s.startsWith("(?", open)) {
            return false;
        }
        int i = open + 2;
        while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
        }
        return i < s.length() && s.charAt(i) == ')';
    }

    private static int skipLazy(String s, int i) {
        return i + 1 < s.length() && s.charAt(i + 1) == '?' ? i + 1 : i;
    }
}
