package dev.vigil.analyzer.engine.sequence;

import dev.vigil.analyzer.engine.EngineContext;
import dev.vigil.analyzer.engine.EpisodeState;
import dev.vigil.analyzer.engine.EvidenceItem;
import dev.vigil.analyzer.engine.ExpiringStore;
import dev.vigil.analyzer.engine.HostTimes;
import dev.vigil.analyzer.engine.LimitDrops;
import dev.vigil.analyzer.engine.PatternEngine;
import dev.vigil.analyzer.engine.PatternHandler;
import dev.vigil.analyzer.engine.Schedule;
import dev.vigil.analyzer.engine.StateKeys;
import dev.vigil.analyzer.engine.StateMap;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Join;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.compile.SequenceSpec;
import dev.vigil.patterns.compile.Step;
import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sequence} patterns: partial matches ({@link SequenceState}) advance step by step within
 * the pattern's window, and the last step opens (or updates) the incident.
 */
public final class SequenceHandler implements PatternHandler {
    /** Open partial matches kept per sequence pattern and key. */
    static final int MAX_PARTIALS = 16;

    private final EngineContext ctx;
    private final StateMap<SequenceState> sequences;
    private final LimitDrops dropped;

    public SequenceHandler(EngineContext ctx) {
        this.ctx = ctx;
        this.sequences = ctx.store(ctx.stored().sequences(), this::planExpiry, this::trimExpired).map();
        this.dropped = ctx.drops("partial", MAX_PARTIALS);
    }

    @Override
    public void onEvent(CompiledPattern p, Event e, Instant now, List<Incident> out) {
        SequenceSpec spec = p.sequence().orElseThrow();
        List<Step> steps = p.steps();
        // last step first, so an event that matches two steps cannot advance a partial it just began
        for (int i = steps.size() - 1; i >= 0; i--) {
            Optional<Match> m = steps.get(i).match(e);
            if (m.isEmpty()) {
                continue;
            }
            if (!ctx.firstCount().first()) {
                return;
            }
            String groupKey = StateKeys.groupKey(p, e, m.get());
            String key = StateKeys.key(p, e.host(), groupKey);
            SequenceState s = Optional.ofNullable(sequences.get(key)).orElse(new SequenceState(1, List.of()));
            Map<String, String> values = qualified(steps.get(i).name(), p.variables(e, m.get()));
            List<SequenceState.Partial> partials = new ArrayList<>(s.partials());
            if (i == 0) {
                partials.add(new SequenceState.Partial(0, e.ts(), values, List.of(EvidenceItem.of(e))));
            } else {
                advance(p, spec, partials, i, e, values, groupKey, now, out);
            }
            while (partials.size() > MAX_PARTIALS) {
                partials.remove(0);
                dropped.dropped(p.name(), e.host());
            }
            sequences.put(key, new SequenceState(s.v(), partials));
        }
    }

    private void advance(CompiledPattern p, SequenceSpec spec, List<SequenceState.Partial> partials, int step,
            Event e, Map<String, String> values, String groupKey, Instant now, List<Incident> out) {
        boolean last = step == p.steps().size() - 1;
        for (int j = 0; j < partials.size(); j++) {
            SequenceState.Partial partial = partials.get(j);
            if (partial.reached() != step - 1 || e.ts().isAfter(partial.start().plus(spec.within()))
                    || e.ts().isBefore(partial.start())) {
                continue;
            }
            Map<String, String> merged = new HashMap<>(partial.values());
            merged.putAll(values);
            if (!joinsHold(spec.joins(), merged)) {
                continue;
            }
            List<EvidenceItem> ev = new ArrayList<>(partial.evidence());
            ev.add(EvidenceItem.of(e));
            if (!last) {
                partials.set(j, new SequenceState.Partial(step, partial.start(), merged, ev));
                return;
            }
            partials.remove(j);
            complete(p, e, groupKey, partial.start(), merged, ev, now, out);
            return;
        }
    }

    private void complete(CompiledPattern p, Event e, String groupKey, Instant start, Map<String, String> vars,
            List<EvidenceItem> evidence, Instant now, List<Incident> out) {
        String key = StateKeys.key(p, e.host(), groupKey);
        Optional<EpisodeState> live = ctx.episodes().live(key, p, e.ts());
        if (live.isPresent()) {
            EpisodeState ep = live.get().withMatch(e.ts(), vars, EvidenceItem.of(e), List.of(), 1);
            ctx.episodes().emitIfDue(key, ep, p, now, PatternEngine.UPDATE_INTERVAL, false, out);
            return;
        }
        EpisodeState ep = ctx.episodes().open(key, p, e.host(), groupKey, start, e.ts(), 1, vars, evidence, List.of());
        ep = ctx.links().onOpen(p, ep, start, now, out);
        ctx.episodes().emitIfDue(key, ep, p, now, PatternEngine.UPDATE_INTERVAL, true, out);
    }

    private static boolean joinsHold(List<Join> joins, Map<String, String> values) {
        for (Join j : joins) {
            String left = values.get(j.leftStep() + "." + j.leftName());
            String right = values.get(j.rightStep() + "." + j.rightName());
            boolean bothKnown = values.keySet().stream().anyMatch(k -> k.startsWith(j.leftStep() + "."))
                    && values.keySet().stream().anyMatch(k -> k.startsWith(j.rightStep() + "."));
            if (bothKnown && (left == null || !left.equals(right))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> qualified(String step, Map<String, String> vars) {
        Map<String, String> out = new HashMap<>();
        vars.forEach((k, v) -> out.put(step + "." + k, v));
        return out;
    }

    private Optional<SequenceSpec> spec(String key) {
        return ctx.patterns().byName(StateKeys.patternIn(key)).flatMap(CompiledPattern::sequence);
    }

    private Schedule.Plan planExpiry(String key, SequenceState s) {
        Optional<SequenceSpec> spec = spec(key);
        if (spec.isEmpty() || s.partials().isEmpty()) {
            return ExpiringStore.NOW;
        }
        Instant oldest = s.partials().stream().map(SequenceState.Partial::start).min(Instant::compareTo).orElseThrow();
        return ExpiringStore.dropAt(StateKeys.hostIn(key), oldest.plus(spec.get().within()));
    }

    private SequenceState trimExpired(String key, SequenceState s, HostTimes clocks) {
        Optional<SequenceSpec> spec = spec(key);
        if (spec.isEmpty()) {
            return null;
        }
        Instant oldest = clocks.of(StateKeys.hostIn(key)).minus(spec.get().within());
        List<SequenceState.Partial> keep = s.partials().stream().filter(x -> !x.start().isBefore(oldest)).toList();
        return keep.isEmpty() ? null : keep.size() == s.partials().size() ? s : new SequenceState(s.v(), keep);
    }
}
