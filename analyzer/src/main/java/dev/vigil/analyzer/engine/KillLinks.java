package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.LinkAnySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Links incidents to the process deaths behind them, as patterns declare with {@code link any}:
 * the deaths of each host are remembered, and an incident of another pattern opening near one
 * is related to it, its summary ending with the dying pattern's note.
 */
public final class KillLinks {
    /** Deaths remembered per host for linking. */
    static final int MAX_KILLS = 20;

    private final EngineContext ctx;
    private final StateMap<KillList> kills;
    private final List<Consumer<String>> onKill = new ArrayList<>();
    private final LimitDrops dropped;

    KillLinks(EngineContext ctx) {
        this.ctx = ctx;
        this.kills = ctx.store(ctx.stored().kills(), KillLinks::planExpiry, KillLinks::trimExpired).map();
        this.dropped = ctx.drops("kill", MAX_KILLS);
    }

    /** Tells {@code listener} the host of every death remembered from now on. */
    public void onKill(Consumer<String> listener) {
        onKill.add(listener);
    }

    /** True when a death on {@code host} came no earlier than {@code from} and no later than {@code until}. */
    public boolean killedBetween(String host, Instant from, Instant until) {
        KillList k = kills.get(host);
        return k != null && k.kills().stream().anyMatch(x -> !x.at().isBefore(from) && !x.at().isAfter(until));
    }

    /**
     * Links an opening episode to the deaths on its host near {@code anchor}, or remembers the
     * episode when its pattern names a death ({@code link any}).
     */
    public EpisodeState link(CompiledPattern p, EpisodeState ep, Instant anchor, Instant now, List<Incident> out) {
        KillList list = Optional.ofNullable(kills.get(ep.host())).orElse(new KillList(1, List.of()));
        if (p.linkAny().isPresent()) {
            remember(p, p.linkAny().get(), ep, list);
            return ep;
        }
        for (KillList.Kill kill : list.kills()) {
            Optional<String> key = kill.episodeKey() != null ? Optional.of(kill.episodeKey())
                    : ctx.episodes().keyOf(kill.incidentId());
            Optional<LinkAnySpec> spec = key.flatMap(k -> ctx.patterns().byName(StateKeys.patternIn(k)))
                    .flatMap(CompiledPattern::linkAny);
            if (spec.isEmpty() || kill.at().isBefore(anchor.minus(spec.get().within()))
                    || kill.at().isAfter(anchor.plus(spec.get().within()))) {
                continue;
            }
            ep = ep.withRelated(kill.incidentId()).withVars(Map.of(Episodes.NOTE, note(spec.get(), ep, kill)));
            linkBack(kill, key.get(), ep.id(), now, out);
        }
        return ep;
    }

    private void remember(CompiledPattern p, LinkAnySpec spec, EpisodeState ep, KillList list) {
        List<KillList.Kill> k = new ArrayList<>(list.kills());
        k.add(new KillList.Kill(ep.id(), ep.firstSeen(), ep.vars().get(spec.pid()), ep.vars().get(spec.comm()), StateKeys.of(ep)));
        while (k.size() > MAX_KILLS) {
            k.remove(0);
            dropped.dropped(p.name(), ep.host());
        }
        kills.put(ep.host(), new KillList(list.v(), k));
        String host = ep.host();
        onKill.forEach(l -> l.accept(host));
    }

    /** The note the dying pattern words: one when the episode is about the process that died, another when not. */
    private static String note(LinkAnySpec spec, EpisodeState ep, KillList.Kill kill) {
        boolean same = kill.pid() != null && kill.pid().equals(ep.vars().get("pid"))
                || kill.comm() != null && kill.comm().equals(ep.vars().get("comm"));
        Map<String, String> values = new HashMap<>();
        if (kill.pid() != null) {
            values.put(spec.pid(), kill.pid());
        }
        if (kill.comm() != null) {
            values.put(spec.comm(), kill.comm());
        }
        values.put(LinkAnySpec.APART, Durations.human(Duration.between(kill.at(), ep.firstSeen()).abs())
                + (kill.at().isAfter(ep.firstSeen()) ? " later" : " before"));
        return "; " + (same ? spec.same() : spec.other()).render(values);
    }

    private void linkBack(KillList.Kill kill, String key, String otherId, Instant now, List<Incident> out) {
        Episodes episodes = ctx.episodes();
        EpisodeState k = episodes.get(key);
        if (k == null || !k.id().equals(kill.incidentId())) {
            return;
        }
        CompiledPattern p = ctx.patterns().byName(k.pattern()).orElse(null);
        if (p != null && !k.related().contains(otherId)) {
            // sent now, so marked sent: a tick would send the same record again
            episodes.emitIfDue(key, k.withRelated(otherId), p, now, PatternEngine.UPDATE_INTERVAL, true, out);
        }
    }
    private static Schedule.Plan planExpiry(String host, KillList k) {
        Instant oldest = k.kills().stream().map(KillList.Kill::at).min(Instant::compareTo).orElse(Instant.EPOCH);
        return ExpiringStore.dropAt(host, oldest.plus(PatternEngine.RESOLVED_RETENTION));
    }

    private static KillList trimExpired(String host, KillList k, HostTimes clocks) {
        Instant oldest = clocks.of(host).minus(PatternEngine.RESOLVED_RETENTION);
        List<KillList.Kill> keep = k.kills().stream().filter(x -> !x.at().isBefore(oldest)).toList();
        return keep.isEmpty() ? null : keep.size() == k.kills().size() ? k : new KillList(k.v(), keep);
    }
}
