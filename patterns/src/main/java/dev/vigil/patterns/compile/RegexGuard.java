package dev.vigil.patterns.compile;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Texts one of which a regex cannot match without: a plain search for them rejects most lines
 * before the regex engine starts (RE2/J walks the whole line even when it fails). For a
 * case-insensitive regex the search ignores case; it is only used when every literal is ASCII,
 * whose case folding {@link String#regionMatches(boolean, int, String, int, int)} agrees with
 * RE2's (a non-ASCII letter that RE2 folds to an ASCII one, such as the Kelvin sign, folds the
 * same way there).
 */
record RegexGuard(List<String> literals, boolean ignoreCase) {

    /** The guard of a regex, or null when it has no required literal (or one a search cannot use). */
    static RegexGuard of(String regexSource, boolean ignoreCase) {
        Set<String> found = RequiredLiterals.ofRegex(regexSource);
        if (found == null) {
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

    /** False when {@code text} holds none of the literals, so the regex cannot match it. */
    boolean admits(String text) {
        for (String literal : literals) {
            if (ignoreCase ? containsIgnoreCase(text, literal) : text.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String text, String lowerLiteral) {
        int n = lowerLiteral.length();
        char first = lowerLiteral.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = 0, last = text.length() - n; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == firstUpper || c > 0x7f) && text.regionMatches(true, i, lowerLiteral, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
