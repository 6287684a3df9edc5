package dev.vigil.analyzer.signature;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Old signature id to the id of the more general template it became, least recently used
 * dropped first beyond a bound. Chains end because every alias points to a template with more
 * {@code <*>} than the one it comes from. Aliases recorded, dropped or evicted are noted until
 * {@link #drainChanges()}, for a store that keeps one record per alias.
 */
final class SignatureAliases {

    private final LinkedHashMap<String, String> aliases;
    /** Changed since the last drain: the new target, or null for an alias dropped. */
    private final Map<String, String> changed = new HashMap<>();

    SignatureAliases(int max) {
        this.aliases = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                if (size() > max) {
                    changed.put(eldest.getKey(), null);
                    return true;
                }
                return false;
            }
        };
    }

    /** Records that {@code from} now goes by {@code to}; {@code to} is live, so it loses any alias of its own. */
    void record(String from, String to) {
        if (!from.equals(to)) {
            forget(to);
            aliases.put(from, to);
            changed.put(from, to);
        }
    }

    /** The id is live again: it stands for itself. */
    void forget(String id) {
        if (aliases.remove(id) != null) {
            changed.put(id, null);
        }
    }

    /** The end of the alias chain from {@code id}, or {@code id} itself. */
    String resolve(String id) {
        String current = id;
        for (int hops = 0; hops <= aliases.size(); hops++) {
            String next = aliases.get(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** The aliases, least recently used first. */
    Map<String, String> asMap() {
        return new LinkedHashMap<>(aliases);
    }

    /** Takes aliases as they were stored: they are not changes. */
    void putAll(Map<String, String> entries) {
        aliases.putAll(entries);
    }

    /** Forgets every alias without noting it: the caller puts the same ones back. */
    void clear() {
        aliases.clear();
    }

    /** Restored aliases are stored already: only the ones dropped since remain to be noted. */
    void keepOnlyRemovals() {
        changed.values().removeIf(Objects::nonNull);
    }

    /** Aliases recorded (with their target) or dropped (null) since the last call. */
    Map<String, String> drainChanges() {
        Map<String, String> out = new HashMap<>(changed);
        changed.clear();
        return out;
    }
}
