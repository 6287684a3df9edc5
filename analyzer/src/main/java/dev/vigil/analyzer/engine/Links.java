package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.LinkSpec;
import dev.vigil.patterns.compile.PatternSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Relates an opening episode to the others it belongs with: the OOM kills near it and what {@code link} clauses tie to it. */
public final class Links {
    private final EngineContext ctx;

    Links(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Links an episode that just opened, its kills anchored at {@code anchor}; returns it with its {@code related}. */
    public EpisodeState onOpen(CompiledPattern p, EpisodeState ep, Instant anchor, Instant now, List<Incident> out) {
        return declared(p, ctx.kills().link(p, ep, anchor, now, out), now, out);
    }

    /**
     * Relates an opening episode and the episodes of its host that a {@code link} clause (its
     * pattern's or theirs) ties to it: same subject, seen within the clause's window of each
     * other. The other side is re-sent with the new id in its {@code related}.
     */
    private EpisodeState declared(CompiledPattern p, EpisodeState ep, Instant now, List<Incident> out) {
        PatternSet set = ctx.patterns();
        if (!set.hasLinks()) {
            return ep;
        }
        String subject = Episodes.subject(ep, p);
        Map<String, EpisodeState> linkedBack = new HashMap<>();
        for (Map.Entry<String, EpisodeState> entry : ctx.episodes().entries()) {
            EpisodeState other = entry.getValue();
            CompiledPattern q = other.host().equals(ep.host()) && !other.id().equals(ep.id())
                    ? set.byName(other.pattern()).orElse(null) : null;
            Optional<Duration> within = q == null ? Optional.empty() : window(p, q);
            if (within.isEmpty() || other.lastSeen().plus(within.get()).isBefore(ep.firstSeen())
                    || other.firstSeen().minus(within.get()).isAfter(ep.lastSeen())
                    || !subject.equals(Episodes.subject(other, q))) {
                continue;
            }
            ep = ep.withRelated(other.id());
            if (!other.related().contains(ep.id())) {
                linkedBack.put(entry.getKey(), other.withRelated(ep.id()));
            }
        }
        // sent now, so marked sent: a tick would send the same record again
        linkedBack.forEach((key, linked) -> ctx.episodes().emitIfDue(key, linked, set.byName(linked.pattern()).orElseThrow(),
                now, PatternEngine.UPDATE_INTERVAL, true, out));
        return ep;
    }

    /** How far apart incidents of two patterns may be and still be linked, when a {@code link} clause ties them. */
    private static Optional<Duration> window(CompiledPattern p, CompiledPattern q) {
        if (p.link().filter(l -> l.covers(q.type())).isPresent()) {
            return p.link().map(LinkSpec::within);
        }
        return q.link().filter(l -> l.covers(p.type())).map(LinkSpec::within);
    }
}
