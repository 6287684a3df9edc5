package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The time-driven part of the incident lifecycle: a held-back update goes out, a firing episode
 * is re-notified, a quiet one resolves; and when a resolved episode is forgotten.
 */
final class EpisodeTicks {
    /** Re-notification waits while the input is a backlog this old: the backlog may hold the episode's end. */
    static final Duration RENOTIFY_CATCH_UP = Duration.ofMinutes(1);

    private final Supplier<PatternSet> patterns;
    /** Episodes due for an update, a re-notification or their quiet-period check. */
    private final Schedule schedule;

    EpisodeTicks(Supplier<PatternSet> patterns, Schedule schedule) {
        this.patterns = patterns;
        this.schedule = schedule;
    }

    Schedule schedule() {
        return schedule;
    }

    void tick(EngineContext ctx, String key, EpisodeState ep, Instant now, List<Incident> out) {
        CompiledPattern p = patterns.get().byName(ep.pattern()).orElse(null);
        if (p == null || ep.resolved() && !ep.pending()) {
            return;
        }
        ep = ctx.causes().withGathered(p, ep);
        Instant hostTime = ctx.hostTime(ep.host());
        Episodes episodes = ctx.episodes();
        if (!ep.resolved() && !hostTime.isBefore(ep.lastSeen().plus(p.resolveAfter()))) {
            episodes.resolve(key, ep, p, now, out);
            return;
        }
        if (ep.stillHeld(now, PatternEngine.UPDATE_INTERVAL)) {
            episodes.save(key, ep); // its plan: when the hold ends
            return;
        }
        // an episode never sent (its first record held for a value) is due, not re-notified
        boolean renotify = !ep.resolved() && p.renotify().isPresent() && !ep.neverSent()
                && !now.isBefore(ep.lastNotified().plus(p.renotify().get()))
                && !ctx.inputLag().isBehind(now, RENOTIFY_CATCH_UP);
        // a reminder says it is one, and which: never a byte-for-byte copy of the record before it
        EpisodeState due = renotify ? ep.withVars(Map.of(Episodes.RENOTIFIED, String.valueOf(renotified(ep) + 1))) : ep;
        episodes.emitIfDue(key, due, p, now, PatternEngine.UPDATE_INTERVAL, false, out);
    }

    private static int renotified(EpisodeState ep) {
        String n = ep.vars().get(Episodes.RENOTIFIED);
        return n == null ? 0 : Integer.parseInt(n);
    }

    /**
     * When an episode next needs a tick: its quiet period ends on its host's clock; a held-back
     * update and a re-notification are due on the analyzer's.
     */
    Schedule.Plan plan(String key, EpisodeState ep) {
        CompiledPattern p = patterns.get().byName(ep.pattern()).orElse(null);
        if (p == null || ep.resolved() && !ep.pending()) {
            return Schedule.Plan.NONE;
        }
        Schedule.Plan plan = ep.resolved() ? Schedule.Plan.NONE
                : Schedule.Plan.onHostClock(ep.host(), ep.lastSeen().plus(p.resolveAfter()));
        if (ep.pending()) {
            // a held first record's hold runs from when it began (lastNotified), a later update's from the last send
            plan = plan.orWall((ep.neverSent() ? ep.lastNotified() : ep.lastEmitted()).plus(PatternEngine.UPDATE_INTERVAL));
        }
        if (!ep.resolved() && p.renotify().isPresent()) {
            plan = plan.orWall(ep.lastNotified().plus(p.renotify().get()));
        }
        return plan;
    }

    /** When an episode can first be forgotten: it resolves after its quiet period at the earliest, and is kept a while after that. */
    Schedule.Plan planExpiry(String key, EpisodeState ep) {
        CompiledPattern p = patterns.get().byName(ep.pattern()).orElse(null);
        if (p == null) {
            return ExpiringStore.NOW;
        }
        Duration wait = ep.resolved() ? PatternEngine.RESOLVED_RETENTION : p.resolveAfter().plus(PatternEngine.RESOLVED_RETENTION);
        return ExpiringStore.dropAt(StateKeys.hostIn(key), ep.lastSeen().plus(wait));
    }

    EpisodeState trimExpired(String key, EpisodeState ep, HostTimes clocks) {
        boolean gone = patterns.get().byName(ep.pattern()).isEmpty();
        boolean old = ep.resolved() && !ep.pending()
                && ep.lastSeen().isBefore(clocks.of(StateKeys.hostIn(key)).minus(PatternEngine.RESOLVED_RETENTION));
        return gone || old ? null : ep;
    }
}
