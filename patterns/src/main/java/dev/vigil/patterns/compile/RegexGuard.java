package dev.vigil.patterns.compile;

import dev.vigil.patterns.text.LiteralIndex;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Texts one of which a regex cannot match without: a plain search for them rejects most lines
 * before the regex engine starts (RE2/J walks the whole line even when it fails). For a
 * case-insensitive regex the search ignores case; it is only used when every literal is ASCII,
 * whose case folding {@link String#regionMatches(boolean, int, String, int, int)} agrees with
 * RE2's (a non-ASCII letter that RE2 folds to an ASCII one, such as the Kelvin sign, folds the
 * same way there). Several literals are searched in one pass ({@link LiteralIndex}).
 */
final class RegexGuard {
    private static final BitSet ONE = BitSet.valueOf(new long[] {1});

    private final List<String> literals;
    private final boolean ignoreCase;
    /** For a case-insensitive guard: by lower-case ASCII character, the literals starting with it. */
    private final String[][] byStart = new String[128][];
    /** Every literal: compared where a non-ASCII character could fold to an ASCII first letter. */
    private final String[] all;
    /** The literals in one automaton; null for a single case-sensitive literal (String.contains is faster). */
    private final LiteralIndex index;

    private RegexGuard(List<String> literals, boolean ignoreCase) {
        this.literals = literals;
        this.ignoreCase = ignoreCase;
        this.all = literals.toArray(String[]::new);
        Map<String, BitSet> ids = new HashMap<>();
        literals.forEach(l -> ids.put(l, ONE));
        this.index = ignoreCase ? LiteralIndex.ignoringAsciiCase(ids) : literals.size() > 1 ? LiteralIndex.of(ids) : null;
        if (ignoreCase) {
            for (String l : literals) {
                String[] known = byStart[l.charAt(0)];
                String[] more = known == null ? new String[1] : Arrays.copyOf(known, known.length + 1);
                more[more.length - 1] = l;
                byStart[l.charAt(0)] = more;
            }
        }
    }

    /** The guard of a regex, or null when it has no required literal (or one a search cannot use). */
    static RegexGuard of(String regexSource, boolean ignoreCase) {
        Set<String> found = RequiredLiterals.ofRegex(regexSource);
        if (found == null || found.isEmpty()) {
            return null;
        }
        if (!ignoreCase) {
            return new RegexGuard(List.copyOf(found), false);
        }
        if (!found.stream().allMatch(RegexGuard::isAscii)) {
            return null;
        }
        return new RegexGuard(found.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList(), true);
    }

    /**
     * The literals in lower case, for a scan that ignores case to find first (a message that
     * lacks them all, whatever their case, is one this guard rejects); null when one is not ASCII.
     */
    List<String> lowerCaseLiterals() {
        if (!literals.stream().allMatch(RegexGuard::isAscii)) {
            return null;
        }
        return literals.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
    }

    /** False when {@code text} holds none of the literals, so the regex cannot match it. */
    boolean admits(String text) {
        if (!ignoreCase) {
            return index == null ? text.contains(literals.get(0)) : index.containsAny(text);
        }
        int found = index.findAscii(text);
        if (found >= 0) {
            return found == 1;
        }
        // beyond ASCII: only the literals that start with the character there are compared
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            String[] candidates = c >= 0x80 ? all : byStart[lower(c)];
            if (candidates == null) {
                continue;
            }
            for (String literal : candidates) {
                if (startsAt(text, i, literal)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** True when {@code lowerLiteral} occurs at {@code at} ignoring case; ASCII compared directly, the rest as String does. */
    private static boolean startsAt(String text, int at, String lowerLiteral) {
        int n = lowerLiteral.length();
        if (at + n > text.length()) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            char t = text.charAt(at + j);
            if (t >= 0x80) {
                return text.regionMatches(true, at, lowerLiteral, 0, n);
            }
            if (lower(t) != lowerLiteral.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
