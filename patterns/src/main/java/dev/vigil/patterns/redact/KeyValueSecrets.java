package dev.vigil.patterns.redact;

import java.util.List;

/**
 * The value after a secret's name: {@code password=x}, {@code "password": "x"}, {@code
 * secret: x}, {@code aws_secret_access_key = x}. A name counts when it ends in one of {@link
 * #KEYS} (so {@code db_password} does and {@code password_reset_count} does not) and is followed,
 * after an optional closing quote and blanks, by {@code =} or {@code :}. A quoted value is masked
 * to its closing quote, an unquoted one to the first blank or {@code " ' , ; & } ) ]}.
 *
 * <p>Written as a scan, not a regex: names are found with {@code indexOf} and the rest is a few
 * character checks, so a long line costs a few passes of {@code indexOf}, where an unanchored
 * regex with a leading {@code [\w.-]*} made RE2/J spend a second on 1 MiB.
 */
final class KeyValueSecrets implements RedactRule.Part {
    /** Name endings, lower case; longer ones first where one ends another. */
    static final List<String> KEYS = List.of("password", "passwd", "passphrase", "secret", "token", "api_key", "api-key",
            "apikey", "access_key", "access-key", "accesskey", "private_key", "private-key", "privatekey", "credentials",
            "credential", "_pwd", "-pwd", ".pwd");

    @Override
    public List<String> triggers() {
        return KEYS;
    }

    @Override
    public String apply(String text, String lowerCase) {
        java.util.TreeMap<Integer, Integer> values = new java.util.TreeMap<>();
        for (String key : KEYS) {
            for (int i = lowerCase.indexOf(key); i >= 0; i = lowerCase.indexOf(key, i + 1)) {
                valueAfter(text, i + key.length(), values);
            }
        }
        if (values.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (var v : values.entrySet()) {
            if (v.getKey() < copied) {
                continue;
            }
            out.append(text, copied, v.getKey()).append(RedactRule.MASK);
            copied = v.getValue();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Adds the range of the value after a name ending at {@code end}, if a separator follows it. */
    private static void valueAfter(String text, int end, java.util.Map<Integer, Integer> values) {
        int i = end;
        int n = text.length();
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        i = skipBlanks(text, i);
        if (i >= n || (text.charAt(i) != '=' && text.charAt(i) != ':')) {
            return;
        }
        i = skipBlanks(text, i + 1);
        if (i >= n) {
            return;
        }
        char quote = text.charAt(i);
        int start;
        int stop;
        if (quote == '"' || quote == '\'') {
            start = i + 1;
            stop = text.indexOf(quote, start);
            if (stop < 0) {
                return;
            }
        } else {
            start = i;
            stop = start;
            while (stop < n && !endsValue(text.charAt(stop))) {
                stop++;
            }
        }
        if (stop > start) {
            values.merge(start, stop, Math::max);
        }
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean endsValue(char c) {
        return Character.isWhitespace(c) || "\"',;&})]".indexOf(c) >= 0;
    }
}
