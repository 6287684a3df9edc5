package dev.vigil.analyzer.signature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Old signature id to the id of the more general template it became, least recently used
 * dropped first beyond a bound. Chains end because every alias points to a template with more
 * {@code <*>} than the one it comes from.
 */
final class SignatureAliases {

    private final LinkedHashMap<String, String> aliases;

    SignatureAliases(int max) {
        this.aliases = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > max;
            }
        };
    }

    /** Records that {@code from} now goes by {@code to}; {@code to} is live, so it loses any alias of its own. */
    void record(String from, String to) {
        if (!from.equals(to)) {
            aliases.remove(to);
            aliases.put(from, to);
        }
    }

    /** The id is live again: it stands for itself. */
    void forget(String id) {
        aliases.remove(id);
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

    void putAll(Map<String, String> entries) {
        aliases.putAll(entries);
    }

    void clear() {
        aliases.clear();
    }
}
