package dev.vigil.analyzer.signature;

import static dev.vigil.analyzer.signature.CharClasses.isSpace;
import static dev.vigil.analyzer.signature.CharClasses.isTextKey;

/**
 * The JSON members {@link MaskingTokenizer} masks whole: a member's string value with spaces is
 * {@code <*>} ({@code "userAgent":"<*>",}) unless its key names the line's own text ({@code msg},
 * {@code message}, {@code error} …), whose words stay words; an HTTP request's headers object
 * ({@code "headers":{…}}), whose keys a writer orders anew each time, is {@code <*>} too.
 */
final class JsonMembers {
    private JsonMembers() {}

    /**
     * Writes the member starting at {@code from} to {@code t} when it is one masked whole:
     * {@code "headers":<*>} or {@code "key":"<*>"}; returns where the token goes on, or -1 when the
     * member is none of those.
     */
    static int mask(MaskingTokenizer t, char[] s, int from, int n) {
        int headersEnd = headersObjectEnd(s, from, n);
        int valueEnd = headersEnd < 0 ? freeTextValueEnd(s, from, n) : -1;
        if (headersEnd < 0 && valueEnd < 0) {
            return -1;
        }
        int colon = keyEnd(s, from, n) + 1;
        // headers: Go writes a request's headers in a new order every time; a free-text value has as
        // many words as its writer's (a browser's user agent)
        int keyEnd = headersEnd > 0 ? colon : colon + 1;
        for (int j = from; j <= keyEnd; j++) {
            t.append(s[j]);
        }
        t.markWord();
        t.appendWildcard();
        if (headersEnd > 0) {
            return t.maskSegments(s, headersEnd + 1, n);
        }
        t.append('"');
        int to = valueEnd + 1;
        if (to + 1 < n && s[to] == ',' && s[to + 1] == '"') {
            t.append(',');
            return to + 1;
        }
        return t.maskSegments(s, to, n);
    }

    /**
     * Where the object value of the JSON member {@code "…headers":{…}} starting at {@code from} ends
     * (its closing brace), the key ending in {@code headers} in any case; else -1.
     */
    static int headersObjectEnd(char[] s, int from, int n) {
        int keyEnd = keyEnd(s, from, n);
        int k = keyEnd - 7;
        if (keyEnd + 2 >= n || s[keyEnd] != '"' || s[keyEnd + 1] != ':' || s[keyEnd + 2] != '{' || k <= from
                || !new String(s, k, 7).equalsIgnoreCase("headers")) {
            return -1;
        }
        int depth = 0;
        boolean inString = false;
        for (int j = keyEnd + 2; j < n; j++) {
            char c = s[j];
            if (inString) {
                if (c == '\\') {
                    j++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Where the string value of the JSON member {@code "key":"…"} starting at {@code from} ends (its
     * closing quote), when that value holds a space and the key is not one of the line's own text
     * ({@code msg}, {@code message}, {@code error} …); else -1.
     */
    static int freeTextValueEnd(char[] s, int from, int n) {
        int keyEnd = keyEnd(s, from, n);
        if (keyEnd + 2 >= n || s[keyEnd] != '"' || s[keyEnd + 1] != ':' || s[keyEnd + 2] != '"'
                || isTextKey(s, from + 1, keyEnd)) {
            return -1;
        }
        boolean space = false;
        for (int j = keyEnd + 3; j < n; j++) {
            char c = s[j];
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return space ? j : -1;
            } else if (isSpace(c)) {
                space = true;
            }
        }
        return -1;
    }

    /**
     * Where the key of the member starting at {@code from} (its opening quote) ends: its closing quote
     * when it has one before a backslash or a space, else the first of those or {@code n}.
     */
    private static int keyEnd(char[] s, int from, int n) {
        int end = from + 1;
        while (end < n && s[end] != '"' && s[end] != '\\' && !isSpace(s[end])) {
            end++;
        }
        return end;
    }
}
