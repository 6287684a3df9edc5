package dev.vigil.analyzer.engine.threshold;

import dev.vigil.analyzer.engine.Durations;
import dev.vigil.analyzer.engine.EngineContext;
import dev.vigil.analyzer.engine.EpisodeState;
import dev.vigil.analyzer.engine.Episodes;
import dev.vigil.analyzer.engine.ExpiringStore;
import dev.vigil.analyzer.engine.HostTimes;
import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.analyzer.engine.PatternHandler;
import dev.vigil.analyzer.engine.Schedule;
import dev.vigil.analyzer.engine.StateKeys;
import dev.vigil.analyzer.engine.StateMap;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.compile.OnceSpec;
import dev.vigil.patterns.compile.Threshold;
import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code threshold} patterns: matching events are counted in a sliding window per group key
 * ({@link WindowState}), and an incident opens when the count reaches the threshold. Signature
 * patterns count the same way, per mined template ({@link #count} with a signature).
 */
public final class ThresholdHandler implements PatternHandler {
    private final EngineContext ctx;
    private final StateMap<WindowState> windows;

    public ThresholdHandler(EngineContext ctx) {
        this.ctx = ctx;
        this.windows = ctx.store(ctx.stored().windows(), this::planExpiry, this::trimExpired).map();
    }

    @Override
    public void onEvent(CompiledPattern p, Event e, Instant now, List<Incident> out) {
        count(p, e, null, now, out);
    }

    /** Counts the event in its window: with {@code sig}, in the window of its signature (a signature pattern). */
    public void count(CompiledPattern p, Event e, MinedSignature sig, Instant now, List<Incident> out) {
        // a signature that names the pattern says the event matched it at intake: its regexes (and the
        // claiming patterns' steps) run again only when the match carries captures
        Optional<Match> m = sig != null && sig.patterns().contains(p.name()) ? p.matchAgain(e) : p.match(e);
        if (m.isEmpty() || !ctx.firstCount().first()) {
            return;
        }
        Threshold t = p.threshold().orElseThrow();
        Map<String, String> vars = p.variables(e, m.get()); // a fresh map of its own
        String groupKey = StateKeys.groupKey(p, e, m.get());
        String baseKey = groupKey;
        if (sig != null) {
            groupKey = groupKey + StateKeys.SEP + sig.id();
            vars.put("signature", sig.id());
            vars.put("template", sig.template());
        }
        vars.put("window", Durations.human(t.window()));
        String windowKey = StateKeys.key(p, e.host(), groupKey);
        String distinctValue = t.distinctOf().map(d -> String.valueOf(CompiledPattern.value(d, e, m.get()))).orElse(null);
        WindowState current = Optional.ofNullable(windows.get(windowKey)).orElse(WindowState.empty());
        Optional<OnceSpec> once = t.once();
        if (once.isPresent() && once.get().then().matches(e) && current.completes(e.ts(), once.get().within())) {
            windows.put(windowKey, current.completed());
            // the second line of an occurrence already counted: its values refresh the incident
            ctx.observations().updateLive(p, e, windowKey, vars, ctx.observations().causeLines(p, e, m.get()), 0, now, out);
            return;
        }
        boolean opens = once.isPresent() && once.get().first().matches(e);
        WindowState w = current.add(e.ts(), distinctValue, t.window(), t.min(), opens);
        if (sig != null) {
            w = foldGeneralised(p, e.host(), baseKey, sig, w, e.ts().minus(t.window()));
        }
        windows.put(windowKey, w);
        long inWindow = w.count(t.distinctOf().isPresent());
        vars.put("distinct", String.valueOf(w.distinct().size()));
        Instant firstInWindow = w.times().isEmpty() ? e.ts() : w.times().get(0);
        // a line that states its own count (systemd's restart counter) fires without the lines before it
        boolean fires = inWindow >= t.min() || t.reachedBy(vars);
        ctx.observations().observe(p, e, m.get(), groupKey, vars, inWindow, firstInWindow, fires, now, out);
    }

    /**
     * The template generalised: what this host counted under its more specific forms counts for
     * it now, and an episode still open under one of them goes on under it (same incident id),
     * so one error whose parameter words vary is not split into an incident per word.
     */
    private WindowState foldGeneralised(CompiledPattern p, String host, String baseKey, MinedSignature sig, WindowState w,
            Instant from) {
        WindowState folded = w;
        Episodes episodes = ctx.episodes();
        String generalKey = StateKeys.key(p, host, baseKey + StateKeys.SEP + sig.id());
        for (String old : sig.replaces()) {
            String oldKey = StateKeys.key(p, host, baseKey + StateKeys.SEP + old);
            WindowState before = windows.get(oldKey);
            if (before != null) {
                folded = folded.union(before, from);
                windows.delete(oldKey);
            }
            EpisodeState ep = episodes.get(oldKey);
            if (ep != null && !ep.resolved() && episodes.get(generalKey) == null) {
                episodes.save(generalKey, ep.regrouped(baseKey + StateKeys.SEP + sig.id()));
                episodes.delete(oldKey);
            }
        }
        return folded;
    }

    private Optional<Duration> window(String key) {
        return ctx.patterns().byName(StateKeys.patternIn(key)).flatMap(CompiledPattern::threshold).map(Threshold::window);
    }

    private Schedule.Plan planExpiry(String key, WindowState w) {
        Optional<Duration> window = window(key);
        return window.isEmpty() ? ExpiringStore.NOW : ExpiringStore.dropAt(StateKeys.hostIn(key), w.newest().plus(window.get()));
    }

    private WindowState trimExpired(String key, WindowState w, HostTimes clocks) {
        Duration window = window(key).orElse(null);
        return window == null || w.newest().isBefore(clocks.of(StateKeys.hostIn(key)).minus(window)) ? null : w;
    }
}
