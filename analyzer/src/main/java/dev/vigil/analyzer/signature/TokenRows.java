package dev.vigil.analyzer.signature;

import java.util.Arrays;

/**
 * Comparisons of templates and lines as rows of token ids ({@link TokenDictionary#WILDCARD_ID}
 * for {@code <*>}): which covers which, where they differ, and whether one {@code <*>} of a
 * template can take several tokens of a longer line.
 */
final class TokenRows {

    /** Fewest words a template must hold before one of its {@code <*>} may take several tokens. */
    static final int MIN_SPAN_CONSTANTS = 2;

    private TokenRows() {}

    /**
     * Whether {@code template} matches the first {@code n} tokens of {@code line} (longer than
     * it) with one {@code <*>} of the template taking the extra tokens, at least one of them a
     * masked value, and every other position the same token or {@code <*>} in the template.
     */
    static boolean spans(int[] template, int[] line, int n) {
        int m = template.length;
        int constants = 0;
        for (int t : template) {
            if (t != TokenDictionary.WILDCARD_ID) {
                constants++;
            }
        }
        // a template of mostly <*> would take in lines that only share its few words
        if (constants < MIN_SPAN_CONSTANTS || 2 * constants < m) {
            return false;
        }
        int extra = n - m;
        int prefix = 0;
        while (prefix < m && (template[prefix] == line[prefix] || template[prefix] == TokenDictionary.WILDCARD_ID)) {
            prefix++;
        }
        // the spanning <*> is at or before the first position that does not match in place
        for (int w = Math.min(prefix, m - 1); w >= 0; w--) {
            if (template[w] != TokenDictionary.WILDCARD_ID) {
                continue;
            }
            boolean masked = false;
            for (int i = w; i <= w + extra; i++) {
                masked |= line[i] == TokenDictionary.WILDCARD_ID;
            }
            boolean rest = masked;
            for (int i = w + 1; i < m && rest; i++) {
                rest = template[i] == line[i + extra] || template[i] == TokenDictionary.WILDCARD_ID;
            }
            if (rest) {
                return true;
            }
        }
        return false;
    }

    static boolean covers(int[] general, int[] specific) {
        for (int i = 0; i < general.length; i++) {
            if (general[i] != TokenDictionary.WILDCARD_ID && general[i] != specific[i]) {
                return false;
            }
        }
        return true;
    }

    static int constantsFrom(int[] tokens, int from) {
        int constants = 0;
        for (int i = from; i < tokens.length; i++) {
            if (tokens[i] != TokenDictionary.WILDCARD_ID) {
                constants++;
            }
        }
        return constants;
    }

    static boolean sameFrom(int[] a, int[] b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code template} holds the line's token or {@code <*>} wherever {@code differs} is not set. */
    static boolean agreesOutsideDifferences(int[] template, int[] lineIds, boolean[] differs, int n) {
        for (int i = 0; i < n; i++) {
            if (!differs[i] && template[i] != lineIds[i] && template[i] != TokenDictionary.WILDCARD_ID) {
                return false;
            }
        }
        return true;
    }

    /** {@code template} with {@code <*>} wherever {@code differs} is set. */
    static int[] generalisedTokens(int[] template, boolean[] differs, int n) {
        int[] merged = Arrays.copyOf(template, n);
        for (int i = 0; i < n; i++) {
            if (differs[i]) {
                merged[i] = TokenDictionary.WILDCARD_ID;
            }
        }
        return merged;
    }
}
