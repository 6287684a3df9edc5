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
    /**
     * Parts the keys share, each with the keys that hold it: a text is searched once per stem (8)
     * instead of once per key (19), and a key is looked for only where its stem is. A line that
     * names a token (a fifth of one app log's) paid the nineteen searches over its whole length.
     */
    private static final List<Stem> STEMS = stems("pass", "pwd", "secret", "token", "api", "access", "private", "credential");

    /** A stem, its keys, and where in each key it starts. */
    private record Stem(String stem, List<String> keys, int[] at) {}

    @Override
    public List<String> triggers() {
        return KEYS;
    }

    @Override
    public String apply(String text, String lowerCase) {
        java.util.TreeMap<Integer, Integer> values = new java.util.TreeMap<>();
        for (Stem s : STEMS) {
            for (int j = lowerCase.indexOf(s.stem()); j >= 0; j = lowerCase.indexOf(s.stem(), j + 1)) {
                // each place a key is at holds its stem at one place: found once, from there
                for (int k = 0; k < s.keys().size(); k++) {
                    String key = s.keys().get(k);
                    int i = j - s.at()[k];
                    if (i >= 0 && lowerCase.startsWith(key, i)) {
                        valueAfter(text, i + key.length(), values);
                    }
                }
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

    /** Each key under the first of {@code stems} it holds; every key must hold one. */
    private static List<Stem> stems(String... stems) {
        List<Stem> out = new java.util.ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (String stem : stems) {
            List<String> keys = KEYS.stream().filter(k -> k.contains(stem) && placed.add(k)).toList();
            out.add(new Stem(stem, keys, keys.stream().mapToInt(k -> k.indexOf(stem)).toArray()));
        }
        if (placed.size() != KEYS.size()) {
            throw new IllegalStateException("keys without a stem: " + KEYS.stream().filter(k -> !placed.contains(k)).toList());
        }
        return List.copyOf(out);
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
