package dev.vigil.analyzer.engine.absence;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.event.Event;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * The template variables of a stream's last line, worked out when first read: a stream keeps
 * them for the incident its silence may open, and almost every line is followed by another
 * before anything reads them (an incident, or the store's write at a commit). Immutable, equal
 * to the map {@link CompiledPattern#variables} gives.
 */
final class LineVars extends AbstractMap<String, String> {
    private CompiledPattern pattern;
    private Event event;
    private Match match;
    private Map<String, String> vars;

    LineVars(CompiledPattern pattern, Event event, Match match) {
        this.pattern = pattern;
        this.event = event;
        this.match = match;
    }

    private Map<String, String> vars() {
        if (vars == null) {
            vars = Map.copyOf(pattern.variables(event, match));
            pattern = null;
            event = null;
            match = null;
        }
        return vars;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return vars().entrySet();
    }

    @Override
    public String get(Object key) {
        return vars().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return vars().containsKey(key);
    }

    @Override
    public int size() {
        return vars().size();
    }
}
