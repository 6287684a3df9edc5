package dev.vigil.patterns.redact;

import java.util.List;

/**
 * The password of a URL's user info: {@code scheme://user:password@host} becomes {@code
 * scheme://user:***@host}. A scan from each {@code ://}: a user of at least one character without
 * blank, {@code :}, {@code /} or {@code @}, a colon, a password without blank, {@code /} or
 * {@code @}, then {@code @}. URLs are common in logs, so this is not an unanchored regex.
 */
final class UrlPasswords implements RedactRule.Part {
    @Override
    public List<String> triggers() {
        return List.of("://");
    }

    @Override
    public boolean readsLowerCase() {
        return false; // "://" and what follows have no case to fold
    }

    @Override
    public String apply(String text, String lowerCase) {
        StringBuilder out = null;
        int copied = 0;
        for (int k = text.indexOf("://"); k >= 0; k = text.indexOf("://", k + 3)) {
            if (k == 0 || !Character.isLetterOrDigit(text.charAt(k - 1))) {
                continue;
            }
            int userEnd = scan(text, k + 3, true);
            if (userEnd == k + 3 || userEnd >= text.length() || text.charAt(userEnd) != ':') {
                continue;
            }
            int passEnd = scan(text, userEnd + 1, false);
            if (passEnd == userEnd + 1 || passEnd >= text.length() || text.charAt(passEnd) != '@') {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, userEnd + 1).append(RedactRule.MASK);
            copied = passEnd;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * The index of the first blank, {@code /} or {@code @} (or {@code :} when {@code colonStops})
     * at or after {@code from}. Compared one by one: looking each character up in a string of
     * stops was most of the rule's cost on the many lines that hold a URL.
     */
    private static int scan(String text, int from, boolean colonStops) {
        int i = from;
        for (int n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '@' || (colonStops && c == ':') || Character.isWhitespace(c)) {
                break;
            }
        }
        return i;
    }
}
