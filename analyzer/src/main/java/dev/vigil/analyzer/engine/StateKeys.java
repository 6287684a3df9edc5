package dev.vigil.analyzer.engine;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.event.Event;

/** How state is keyed: {@code pattern SEP host SEP group key}, so a pattern's or a host's entries can be found. */
public final class StateKeys {
    /** Separator inside state keys: cannot occur in host names or pattern names. */
    public static final String SEP = "\u001f";

    private StateKeys() {}

    public static String key(CompiledPattern p, String host, String groupKey) {
        return key(p.name(), host, groupKey);
    }

    public static String key(String pattern, String host, String groupKey) {
        return pattern + SEP + host + SEP + groupKey;
    }

    /**
     * The keys of the pattern, host and group key triples asked for lately, made again only when
     * a triple is not among them: each line of a stream looked its state up under a new string,
     * concatenated, hashed and compared in full in every map it met, and the lines of one
     * partition come from many hosts in turn, so one remembered key (the last) was mostly another
     * host's. Direct-mapped: a triple's slot is known from its hashes; a clash makes the key again.
     */
    public static final class Recent {
        private static final int SLOTS = 256;
        private final String[] patterns = new String[SLOTS];
        private final String[] hosts = new String[SLOTS];
        private final String[] groupKeys = new String[SLOTS];
        private final String[] keys = new String[SLOTS];

        public String key(String pattern, String host, String groupKey) {
            int h = pattern.hashCode() * 961 + host.hashCode() * 31 + groupKey.hashCode();
            int slot = (h ^ h >>> 16) & (SLOTS - 1);
            String key = keys[slot];
            if (key == null || !pattern.equals(patterns[slot]) || !host.equals(hosts[slot]) || !groupKey.equals(groupKeys[slot])) {
                key = StateKeys.key(pattern, host, groupKey);
                patterns[slot] = pattern;
                hosts[slot] = host;
                groupKeys[slot] = groupKey;
                keys[slot] = key;
            }
            return key;
        }
    }

    /** The group key of a match: its group-by values joined by {@link #SEP}. */
    public static String groupKey(CompiledPattern p, Event e, Match m) {
        if (p.groupBy().size() == 1) {
            // the common case, without the list of one value and the join
            String v = p.groupValue(0, e, m);
            return v == null ? "" : v;
        }
        return String.join(SEP, p.groupKey(e, m));
    }

    /** The state key an episode is stored under. */
    static String of(EpisodeState ep) {
        return key(ep.pattern(), ep.host(), ep.groupKey());
    }

    /** The prefix of every key of {@code pattern}. */
    static String prefix(String pattern) {
        return pattern + SEP;
    }

    /** The pattern named in a key. */
    public static String patternIn(String key) {
        int end = key.indexOf(SEP);
        return end < 0 ? key : key.substring(0, end);
    }

    /** The host named in a {@code pattern SEP host SEP key} state key. */
    public static String hostIn(String key) {
        int start = key.indexOf(SEP);
        if (start < 0) {
            return "";
        }
        int end = key.indexOf(SEP, start + 1);
        return end < 0 ? key.substring(start + 1) : key.substring(start + 1, end);
    }
}
