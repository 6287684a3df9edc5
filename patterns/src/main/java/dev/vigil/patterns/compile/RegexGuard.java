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
final class RegexGuard {
    private final List<String> literals;
    private final boolean ignoreCase;
    /** For a case-insensitive guard: the ASCII characters a literal starts with, lower-cased. */
    private final boolean[] starts = new boolean[128];

    private RegexGuard(List<String> literals, boolean ignoreCase) {
        this.literals = literals;
        this.ignoreCase = ignoreCase;
        if (ignoreCase) {
            literals.forEach(l -> starts[l.charAt(0)] = true);
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

    /** False when {@code text} holds none of the literals, so the regex cannot match it. */
    boolean admits(String text) {
        if (!ignoreCase) {
            for (String literal : literals) {
                if (text.contains(literal)) {
                    return true;
                }
            }
            return false;
        }
        // one pass over the text: only where a literal could start are the literals compared
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || starts[c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c]) {
                for (String literal : literals) {
                    if (text.regionMatches(true, i, literal, 0, literal.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
