package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A match becomes part of an incident: it updates the live episode of its key, or opens one. */
public final class Observations {
    private final EngineContext ctx;

    Observations(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The probable-cause lines of a match (its pattern's {@code cause}). */
    public List<EvidenceItem> causeLines(CompiledPattern p, Event e, Match m) {
        return ctx.causes().of(p, e, m);
    }

    /** Records a match: updates the live episode of its key, or opens one when {@code mayOpen}. */
    public void observe(CompiledPattern p, Event e, Match m, String groupKey, Map<String, String> vars, long openCount,
            Instant firstSeen, boolean mayOpen, Instant now, List<Incident> out) {
        String key = StateKeys.key(p, e.host(), groupKey);
        List<EvidenceItem> cause = causeLines(p, e, m);
        if (updateLive(p, e, key, vars, cause, 1, now, out)) {
            return;
        }
        if (!mayOpen) {
            return;
        }
        EpisodeState open = ctx.episodes().get(key);
        if (open != null) {
            // an episode past its quiet period, kept for the longer one of 'quiet … for same', ends here
            ctx.episodes().resolve(key, open, p, now, out);
        }
        EpisodeState ep = ctx.episodes().open(key, p, e.host(), groupKey, firstSeen, e.ts(), openCount, vars,
                List.of(EvidenceItem.of(e)), cause);
        ep = ctx.links().onOpen(p, ep, e.ts(), now, out);
        ctx.episodes().emitOpened(key, ep, p, now, out);
    }

    /**
     * Updates the live episode of {@code key} with a match that adds {@code add} to its count (0 for
     * the second line of an occurrence already counted); false when no episode is live.
     */
    public boolean updateLive(CompiledPattern p, Event e, String key, Map<String, String> vars, List<EvidenceItem> cause,
            long add, Instant now, List<Incident> out) {
        Optional<EpisodeState> live = ctx.episodes().live(key, p, e.ts(), vars);
        if (live.isEmpty()) {
            return false;
        }
        EpisodeState ep = live.get().withMatch(e.ts(), vars, EvidenceItem.of(e), cause, add);
        if (ep.neverSent()) {
            // its first record is held for a gathered or missing value: the next line of the same
            // happening (an oops's die line after its header) does not send it without that value
            ctx.episodes().emitOpened(key, ep, p, now, out);
        } else {
            ctx.episodes().emitIfDue(key, ep, p, now, PatternEngine.UPDATE_INTERVAL, false, out);
        }
        return true;
    }
}
