package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Links incidents to the OOM kills behind them: the kills of each host are remembered, and an
 * incident opening near one is related to it (and says so in its summary).
 */
public final class KillLinks {
    /** An OOM kill this close to another incident's anchor is linked to it. */
    static final Duration KILL_LINK_WINDOW = Duration.ofMinutes(5);
    /** Kills remembered per host for linking. */
    static final int MAX_KILLS = 20;
    /** Variable holding the sentence about a linked OOM kill, appended to the summary. */
    static final String LINK_NOTE = "__link_note";
    static final String OOM_KILL_TYPE = "oom_kill";

    private final EngineContext ctx;
    private final StateMap<KillList> kills;
    private final List<Consumer<String>> onKill = new ArrayList<>();
    private final LimitDrops dropped;

    KillLinks(EngineContext ctx) {
        this.ctx = ctx;
        this.kills = ctx.store(ctx.stored().kills(), KillLinks::planExpiry, KillLinks::trimExpired).map();
        this.dropped = ctx.drops("kill", MAX_KILLS);
    }

    /** Tells {@code listener} the host of every kill remembered from now on. */
    public void onKill(Consumer<String> listener) {
        onKill.add(listener);
    }

    /** True when a kill on {@code host} came no earlier than {@code from} and no later than {@code until}. */
    public boolean killedBetween(String host, Instant from, Instant until) {
        KillList k = kills.get(host);
        return k != null && k.kills().stream().anyMatch(x -> !x.at().isBefore(from) && !x.at().isAfter(until));
    }

    /**
     * Links an opening episode to OOM kills on its host near {@code anchor}, and remembers the
     * episode when it is itself a kill.
     */
    public EpisodeState link(CompiledPattern p, EpisodeState ep, Instant anchor, Instant now, List<Incident> out) {
        KillList list = Optional.ofNullable(kills.get(ep.host())).orElse(new KillList(1, List.of()));
        if (OOM_KILL_TYPE.equals(p.type())) {
            List<KillList.Kill> k = new ArrayList<>(list.kills());
            k.add(new KillList.Kill(ep.id(), ep.firstSeen(), ep.vars().get("victim_pid"), ep.vars().get("victim_comm"),
                    StateKeys.of(ep)));
            while (k.size() > MAX_KILLS) {
                k.remove(0);
                dropped.dropped(p.name(), ep.host());
            }
            kills.put(ep.host(), new KillList(list.v(), k));
            String host = ep.host();
            onKill.forEach(l -> l.accept(host));
            return ep;
        }
        for (KillList.Kill kill : list.kills()) {
            if (kill.at().isBefore(anchor.minus(KILL_LINK_WINDOW)) || kill.at().isAfter(anchor.plus(KILL_LINK_WINDOW))) {
                continue;
            }
            ep = ep.withRelated(kill.incidentId()).withVars(Map.of(LINK_NOTE, linkNote(ep, kill)));
            linkBack(kill, ep.id(), now, out);
        }
        return ep;
    }

    private static String linkNote(EpisodeState ep, KillList.Kill kill) {
        boolean same = kill.pid() != null && kill.pid().equals(ep.vars().get("pid"))
                || kill.comm() != null && kill.comm().equals(ep.vars().get("comm"));
        String who = kill.comm() + " (pid " + kill.pid() + ")";
        return same ? "; its process " + who + " was killed by the kernel OOM killer"
                : "; the kernel OOM killer killed " + who + " on this host " + Durations.human(
                        Duration.between(kill.at(), ep.firstSeen()).abs()) + (kill.at().isAfter(ep.firstSeen()) ? " later" : " before");
    }

    private void linkBack(KillList.Kill kill, String otherId, Instant now, List<Incident> out) {
        Episodes episodes = ctx.episodes();
        Optional<String> key = kill.episodeKey() != null ? Optional.of(kill.episodeKey()) : episodes.keyOf(kill.incidentId());
        EpisodeState k = key.map(episodes::get).orElse(null);
        if (k == null || !k.id().equals(kill.incidentId())) {
            return;
        }
        CompiledPattern p = ctx.patterns().byName(k.pattern()).orElse(null);
        if (p != null && !k.related().contains(otherId)) {
            // sent now, so marked sent: a tick would send the same record again
            episodes.emitIfDue(key.get(), k.withRelated(otherId), p, now, PatternEngine.UPDATE_INTERVAL, true, out);
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
