package dev.vigil.patterns.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies redaction rules in order. Immutable; one instance is shared by every stream thread.
 * RE2/J matches in time linear in the text, so no rule, built in or written in a pattern file,
 * can stall on a crafted line.
 */
public final class Redactor {
    private static final Redactor DEFAULTS = new Redactor(BuiltInRedactions.rules());
    private static final Redactor NONE = new Redactor(List.of());

    private final List<RedactRule> rules;

    private Redactor(List<RedactRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The built-in rules: what Vigil redacts when no pattern file says otherwise. */
    public static Redactor defaults() {
        return DEFAULTS;
    }

    /** Redacts nothing; for tests of other things. */
    public static Redactor none() {
        return NONE;
    }

    /**
     * The built-in rules, then {@code added} (a rule named like an earlier one replaces it), without
     * the rules named in {@code disabled}.
     */
    public static Redactor of(List<RedactRule> added, Set<String> disabled) {
        Map<String, RedactRule> byName = new LinkedHashMap<>();
        BuiltInRedactions.rules().forEach(r -> byName.put(r.name(), r));
        added.forEach(r -> byName.put(r.name(), r));
        disabled.forEach(byName::remove);
        return new Redactor(new ArrayList<>(byName.values()));
    }

    /** {@code text} with every rule applied; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String lowerCase = asciiLowerCase(text);
        String out = text;
        for (RedactRule r : rules) {
            String next = r.apply(out, lowerCase);
            if (!next.equals(out)) {
                out = next;
                lowerCase = asciiLowerCase(out);
            }
        }
        return out;
    }

    /**
     * {@code text} with A-Z lowered and nothing else changed, so indexes into it are indexes
     * into {@code text} ({@link String#toLowerCase} may change the length, e.g. of "İ").
     */
    static String asciiLowerCase(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] = (char) (c[i] + 32);
            }
        }
        return new String(c);
    }

    /** Names of the active rules, in the order they run. */
    public List<String> ruleNames() {
        return rules.stream().map(RedactRule::name).toList();
    }
}
