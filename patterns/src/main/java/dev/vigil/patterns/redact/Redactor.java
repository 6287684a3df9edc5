package dev.vigil.patterns.redact;

import dev.vigil.patterns.text.LiteralIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
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
    /**
     * Every rule's triggers in one automaton, each literal with the rules it triggers: one pass
     * tells which rules can change a text, and a text holding no trigger (most lines hold no
     * secret) is returned as it is. Null when a rule has no known triggers.
     */
    private final LiteralIndex triggers;
    /** The literals of {@link #triggers}, each with the rules (by place) it triggers; null with it. */
    private final Map<String, BitSet> rulesByTrigger;
    /** By rule: whether it reads the lower-cased text (a copy of the line), so the copy is made only for those. */
    private final boolean[] readsLowerCase;

    private Redactor(List<RedactRule> rules) {
        this.rules = List.copyOf(rules);
        this.rulesByTrigger = rulesByTrigger(this.rules);
        this.triggers = rulesByTrigger == null ? null : LiteralIndex.ignoringAsciiCase(rulesByTrigger);
        this.readsLowerCase = new boolean[this.rules.size()];
        for (int i = 0; i < readsLowerCase.length; i++) {
            readsLowerCase[i] = this.rules.get(i).readsLowerCase();
        }
    }

    private static Map<String, BitSet> rulesByTrigger(List<RedactRule> rules) {
        Map<String, BitSet> byLiteral = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            List<String> t = rules.get(i).triggers();
            if (t == null) {
                return null;
            }
            for (String literal : t) {
                byLiteral.computeIfAbsent(literal, k -> new BitSet()).set(i);
            }
        }
        return byLiteral;
    }

    /**
     * Lower-case ASCII literals one of which (ASCII case ignored) a text holds whenever a rule can
     * change it, each with the rules it triggers (by their place in {@link #ruleNames}), for a
     * scan that looks for them along with other literals and gives what it found to {@link
     * #redactDue}; null when a rule's are not known, so every text must be {@link #redact redacted}.
     */
    public Map<String, BitSet> rulesByTrigger() {
        if (rulesByTrigger == null) {
            return null;
        }
        Map<String, BitSet> copy = new HashMap<>();
        rulesByTrigger.forEach((literal, ids) -> copy.put(literal, (BitSet) ids.clone()));
        return copy;
    }

    /** How many rules there are (the places {@link #rulesByTrigger} names run from 0 to this). */
    public int ruleCount() {
        return rules.size();
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
        if (triggers == null) {
            return applyAll(text);
        }
        // a rule cannot change a text without one of its triggers: a text holding none (most lines)
        // costs one pass that allocates nothing and comes back as it is
        if (!triggers.containsAny(text)) {
            return text;
        }
        return redactDue(text, triggers.scan(text));
    }

    /**
     * {@link #redact}, for an ASCII text whose triggers a scan of the caller's found: {@code due}
     * holds the rules (by place) of every trigger in it, case ignored, as {@link #rulesByTrigger}
     * says (more rules do no harm: a rule changes no text without its triggers). The same result,
     * without scanning the text again.
     */
    public String redactDue(String text, BitSet due) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (triggers == null) {
            return applyAll(text);
        }
        // only the rules whose triggers the text holds run; when one changes the text, the
        // triggers are looked for again
        String out = text;
        String lowerCase = null;
        for (int i = due.nextSetBit(0); i >= 0; i = due.nextSetBit(i + 1)) {
            lowerCase = lowerCase == null && readsLowerCase[i] ? asciiLowerCase(out) : lowerCase;
            String next = rules.get(i).apply(out, lowerCase);
            if (!next.equals(out)) {
                out = next;
                lowerCase = null;
                BitSet after = triggers.scan(out);
                after.clear(0, i + 1);
                due = after;
            }
        }
        return out;
    }

    /** Every rule in order, for a set with a rule whose triggers are not known. */
    private String applyAll(String text) {
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
