package dev.vigil.analyzer.engine;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Template;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values an episode's templates are rendered with, read through to the episode: its
 * variables, then {@code host}, {@code count}, {@code cause} (the last cause line, when it has
 * one) and {@code first_seen} / {@code last_seen} when one of its pattern's templates names them
 * (writing two instants was half of a render). A template asks for a few names; the whole map is
 * made only when iterated. Immutable.
 */
final class RenderVars extends AbstractMap<String, String> {
    static final String HOST = "host";
    static final String COUNT = "count";
    static final String CAUSE = "cause";
    static final String FIRST_SEEN = "first_seen";
    static final String LAST_SEEN = "last_seen";

    private final EpisodeState ep;
    private final CompiledPattern p;
    private Map<String, String> all;

    RenderVars(EpisodeState ep, CompiledPattern p) {
        this.ep = ep;
        this.p = p;
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        return switch (name) {
            case HOST -> ep.host();
            case COUNT -> String.valueOf(ep.count());
            case FIRST_SEEN -> names(p, FIRST_SEEN) ? ep.firstSeen().toString() : ep.vars().get(name);
            case LAST_SEEN -> names(p, LAST_SEEN) ? ep.lastSeen().toString() : ep.vars().get(name);
            case CAUSE -> ep.cause().isEmpty() ? ep.vars().get(name) : ep.cause().get(ep.cause().size() - 1).message();
            default -> ep.vars().get(name);
        };
    }

    @Override
    public boolean containsKey(Object key) {
        if (!(key instanceof String name)) {
            return false;
        }
        return switch (name) {
            case HOST, COUNT -> true;
            case FIRST_SEEN, LAST_SEEN -> names(p, name) || ep.vars().containsKey(name);
            case CAUSE -> !ep.cause().isEmpty() || ep.vars().containsKey(name);
            default -> ep.vars().containsKey(name);
        };
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        if (all == null) {
            Map<String, String> vars = new HashMap<>(ep.vars());
            vars.put(HOST, ep.host());
            vars.put(COUNT, String.valueOf(ep.count()));
            if (names(p, FIRST_SEEN)) {
                vars.put(FIRST_SEEN, ep.firstSeen().toString());
            }
            if (names(p, LAST_SEEN)) {
                vars.put(LAST_SEEN, ep.lastSeen().toString());
            }
            if (!ep.cause().isEmpty()) {
                vars.put(CAUSE, ep.cause().get(ep.cause().size() - 1).message());
            }
            all = Map.copyOf(vars);
        }
        return all.entrySet();
    }

    /** True when one of the pattern's templates (subject, summary, labels) has the variable {@code name}. */
    static boolean names(CompiledPattern p, String name) {
        if (p.subject().variables().contains(name) || p.summary().variables().contains(name)) {
            return true;
        }
        for (Template label : p.labels().values()) {
            if (label.variables().contains(name)) {
                return true;
            }
        }
        return false;
    }
}
