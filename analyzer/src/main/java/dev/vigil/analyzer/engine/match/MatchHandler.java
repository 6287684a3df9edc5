package dev.vigil.analyzer.engine.match;

import dev.vigil.analyzer.engine.EngineContext;
import dev.vigil.analyzer.engine.PatternHandler;
import dev.vigil.analyzer.engine.StateKeys;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code match} patterns: every matching event is part of an incident; it has no state of its own. */
public final class MatchHandler implements PatternHandler {
    private final EngineContext ctx;

    public MatchHandler(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onEvent(CompiledPattern p, Event e, Instant now, List<Incident> out) {
        Optional<Match> m = p.match(e);
        if (m.isEmpty() || !ctx.firstCount().first()) {
            return;
        }
        ctx.observations().observe(p, e, m.get(), StateKeys.groupKey(p, e, m.get()), p.variables(e, m.get()), 1, e.ts(),
                true, now, out);
    }
}
