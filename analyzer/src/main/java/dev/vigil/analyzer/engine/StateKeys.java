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
     * The key of the last pattern, host and group key asked for, made again only when one of them
     * changes: a log's lines come in runs from one file, and each line of a stream looked its
     * state up under a new string, hashed and compared in full.
     */
    public static final class Last {
        private String pattern;
        private String host;
        private String groupKey;
        private String key;

        public String key(CompiledPattern p, String host, String groupKey) {
            if (!p.name().equals(this.pattern) || !host.equals(this.host) || !groupKey.equals(this.groupKey)) {
                this.pattern = p.name();
                this.host = host;
                this.groupKey = groupKey;
                this.key = StateKeys.key(p, host, groupKey);
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
