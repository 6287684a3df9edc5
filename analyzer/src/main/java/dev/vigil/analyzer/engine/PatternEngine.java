package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.AbsenceSpec;
import dev.vigil.patterns.compile.CauseSpec;
import dev.vigil.patterns.compile.GatherSpec;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Join;
import dev.vigil.patterns.compile.LinkSpec;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.compile.OnceSpec;
import dev.vigil.patterns.compile.PatternKind;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.compile.SequenceSpec;
import dev.vigil.patterns.compile.Step;
import dev.vigil.patterns.compile.Threshold;
import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs compiled patterns over events: single matches, sliding-window thresholds and signatures,
 * sequences, absences, probable causes and the incident lifecycle. It has no Kafka in it: the
 * topology calls {@link #onEvent} per event and {@link #onTick} from a punctuator, and keeps
 * {@link EngineState} in stores. Signature patterns count an event when it comes back with its
 * mined signature ({@link #onSignedEvent}): the miner that owns the message's shape is
 * elsewhere, so that one template has one id on every host. All times are event times, except {@code now}, the analyzer's
 * clock (the wall clock live, the replayed events' time offline), which paces updates and tells
 * a host that went quiet.
 */
public final class PatternEngine {
    /** Separator inside state keys: cannot occur in host names or pattern names. */
    static final String SEP = "\u001f";
    /** An incident is re-sent at most this often while it changes. */
    public static final Duration UPDATE_INTERVAL = Duration.ofSeconds(1);
    /** Re-sent events with an id processed within this window (on the analyzer's clock) are dropped. */
    public static final Duration DEDUPE_WINDOW = Duration.ofHours(1);
    /** An OOM kill this close to another incident's anchor is linked to it. */
    static final Duration KILL_LINK_WINDOW = Duration.ofMinutes(5);
    /** A stream whose last line was cut (no newline) is called truncated after this much silence. */
    static final Duration PARTIAL_GRACE = Duration.ofMinutes(1);
    /** Open partial matches kept per sequence pattern and key. */
    static final int MAX_PARTIALS = 16;
    /** Kills remembered per host for linking. */
    static final int MAX_KILLS = 20;
    /** Lines kept per cause ring beyond what the pattern attaches. */
    static final int CAUSE_RING_SLACK = 2;
    /** The group key, among a pattern's cause rings, of the values its {@code gather} keeps per host. */
    static final String GATHERED = SEP + "gather";
    /** Resolved episodes are forgotten after this long. */
    static final Duration RESOLVED_RETENTION = Duration.ofHours(1);
    /** Streams silent this long are forgotten. */
    static final Duration STREAM_RETENTION = Duration.ofDays(7);
    /** Re-notification waits while the input is a backlog this old: the backlog may hold the episode's end. */
    static final Duration RENOTIFY_CATCH_UP = Duration.ofMinutes(1);
    /** Variable holding the sentence about a linked OOM kill, appended to the summary. */
    static final String LINK_NOTE = "__link_note";
    /** Variable counting the re-notifications sent since the episode last changed (a record's {@code renotified}). */
    static final String RENOTIFIED = "__renotified";
    static final String OOM_KILL_TYPE = "oom_kill";

    private final Supplier<PatternSet> patterns;
    /** The stored state, behind maps that keep the schedules below up to date on every write. */
    private final EngineState state;
    private final Episodes episodes;
    /** Episodes due for an update, a re-notification or their quiet-period check. */
    private final Schedule episodeTicks = new Schedule();
    /** Streams due for their silence check. */
    private final Schedule streamTicks = new Schedule();
    private final StateExpiry expiry;
    private final PlannedStateMap<EpisodeState> plannedEpisodes;
    private final PlannedStateMap<StreamState> streams;
    private final InputLag inputLag = new InputLag();
    /** The set the state was built with; rebuilt by init as the current set, so it is not state. */
    private PatternSet running;

    public PatternEngine(Supplier<PatternSet> patterns, EngineState state) {
        this.patterns = Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(state, "state");
        this.expiry = new StateExpiry(patterns);
        List<PlannedStateMap<?>> planned = new ArrayList<>();
        this.plannedEpisodes = planned(planned, state.episodes(),
                new PlannedStateMap.Watch<>(episodeTicks, this::planEpisodeTick),
                new PlannedStateMap.Watch<>(expiry.episodes, expiry::planEpisode));
        this.streams = planned(planned, state.streams(), new PlannedStateMap.Watch<>(streamTicks, this::planStreamTick),
                new PlannedStateMap.Watch<>(expiry.streams, expiry::planStream));
        this.state = new EngineState(plannedEpisodes,
                planned(planned, state.windows(), new PlannedStateMap.Watch<>(expiry.windows, expiry::planWindow)),
                planned(planned, state.causes(), new PlannedStateMap.Watch<>(expiry.causes, expiry::planCause)),
                streams,
                planned(planned, state.sequences(), new PlannedStateMap.Watch<>(expiry.sequences, expiry::planSequence)),
                planned(planned, state.hosts(), new PlannedStateMap.Watch<>(expiry.hosts, expiry::planHost)),
                state.seen(),
                planned(planned, state.kills(), new PlannedStateMap.Watch<>(expiry.kills, expiry::planKills)));
        this.episodes = new Episodes(plannedEpisodes);
        this.running = patterns.get();
        // the schedules live in memory: a (re)started task plans what its stores hold
        planned.forEach(PlannedStateMap::planAll);
    }

    @SafeVarargs
    private static <V> PlannedStateMap<V> planned(List<PlannedStateMap<?>> all, StateMap<V> store,
            PlannedStateMap.Watch<V>... watches) {
        PlannedStateMap<V> map = new PlannedStateMap<>(store, List.of(watches));
        all.add(map);
        return map;
    }

    /**
     * Processes one event that reached Kafka at {@code receivedAt}; returns the incident records
     * it causes (possibly none). Signature patterns wait for the event to come back signed:
     * {@link #wantsSignature} tells which.
     */
    public List<Incident> onEvent(Event e, Instant receivedAt, Instant now) {
        List<Incident> out = new ArrayList<>();
        PatternSet set = currentSet(out);
        inputLag.arrived(receivedAt, now);
        if (isDuplicate(e, now)) {
            return out;
        }
        advanceHostClock(e, now);
        for (CompiledPattern p : set.candidates(e)) {
            switch (p.kind()) {
                case MATCH -> onMatchPattern(p, e, now, out);
                case THRESHOLD -> onThresholdPattern(p, e, null, now, out);
                case SIGNATURE -> {
                    // counted when the event comes back signed (onSignedEvent)
                }
                case SEQUENCE -> onSequencePattern(p, e, now, out);
                case ABSENCE -> onAbsenceStream(p, e, now, out);
            }
        }
        rememberCauseLines(set, e);
        return out;
    }

    /** True when a signature pattern of {@code set} counts {@code e}: it must be mined and come back signed. */
    public static boolean wantsSignature(PatternSet set, Event e) {
        for (CompiledPattern p : set.candidates(e)) {
            if (p.kind() == PatternKind.SIGNATURE && p.match(e).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts an event that {@link #onEvent} already processed, now with its mined signature, for
     * the signature patterns. Signed copies are deduplicated by event id like events: a re-sent
     * event comes back signed twice and is counted once.
     */
    public List<Incident> onSignedEvent(Event e, MinedSignature signature, Instant now) {
        List<Incident> out = new ArrayList<>();
        PatternSet set = currentSet(out);
        if (e.id() != null) {
            String key = signedKey(e.id());
            if (state.seen().contains(key, now)) {
                return out;
            }
            state.seen().remember(key, now);
        }
        for (CompiledPattern p : signaturePatterns(set, e, signature)) {
            if (p.kind() == PatternKind.SIGNATURE) {
                onThresholdPattern(p, e, signature, now, out);
            }
        }
        return out;
    }

    /** The patterns the signature names, still loaded; a signature naming none (an older Vigil's) means match again. */
    private static List<CompiledPattern> signaturePatterns(PatternSet set, Event e, MinedSignature signature) {
        if (signature.patterns().isEmpty()) {
            return set.candidates(e);
        }
        return signature.patterns().stream().map(set::byName).flatMap(Optional::stream).toList();
    }

    /** Key in the recent ids of an event's signed copy: cannot clash with an event id. */
    private static String signedKey(String eventId) {
        return "signature" + SEP + eventId;
    }

    /** Time-driven work: pending updates, re-notification, quiet episodes, silent streams. */
    public List<Incident> onTick(Instant now) {
        List<Incident> out = new ArrayList<>();
        currentSet(out);
        for (String key : streamTicks.takeDue(now, this::hostTime)) {
            StreamState s = state.streams().get(key);
            if (s != null) {
                checkSilence(key, s, now, false, out);
            }
            streams.replan(key);
        }
        for (String key : episodeTicks.takeDue(now, this::hostTime)) {
            EpisodeState ep = state.episodes().get(key);
            if (ep != null) {
                tickEpisode(key, ep, now, out);
            }
            plannedEpisodes.replan(key);
        }
        return out;
    }

    /**
     * End of a replayed input: streams whose last line was cut are truncated (still-active
     * streams are not), and every pending change is sent.
     */
    public List<Incident> onEndOfInput(Instant now) {
        List<Incident> out = new ArrayList<>();
        for (Map.Entry<String, StreamState> entry : state.streams().entries()) {
            checkSilence(entry.getKey(), entry.getValue(), now, true, out);
        }
        for (Map.Entry<String, EpisodeState> entry : state.episodes().entries()) {
            tickEpisode(entry.getKey(), entry.getValue(), now, out);
            EpisodeState ep = state.episodes().get(entry.getKey());
            CompiledPattern p = patterns.get().byName(ep.pattern()).orElse(null);
            if (p != null) {
                episodes.emitIfDue(entry.getKey(), ep, p, now, UPDATE_INTERVAL, true, out);
            }
        }
        return out;
    }

    /** Forgets what no pattern can use any more; bounded state, called now and then. */
    public void expire(Instant now) {
        expiry.expire(now, state, inputLag);
    }

    // --- reload --------------------------------------------------------------------------------

    /**
     * The patterns to run now. After a reload, a pattern that changed (same name, other
     * fingerprint) or was removed starts over: its open episodes are resolved (rendered as the
     * old pattern described them) and its state is dropped. Unchanged patterns keep theirs.
     */
    private PatternSet currentSet(List<Incident> out) {
        PatternSet set = patterns.get();
        if (set == running) {
            return set;
        }
        for (CompiledPattern old : running.patterns()) {
            Optional<CompiledPattern> next = set.byName(old.name());
            if (next.isEmpty() || !next.get().fingerprint().equals(old.fingerprint())) {
                forget(old, out);
            }
        }
        running = set;
        return set;
    }

    private void forget(CompiledPattern old, List<Incident> out) {
        String prefix = old.name() + SEP;
        for (Map.Entry<String, EpisodeState> e : state.episodes().entries()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (!e.getValue().resolved()) {
                out.add(Episodes.render(e.getValue().resolvedNow(), old));
            }
            state.episodes().delete(e.getKey());
        }
        deleteByPrefix(state.windows(), prefix);
        deleteByPrefix(state.causes(), prefix);
        deleteByPrefix(state.streams(), prefix);
        deleteByPrefix(state.sequences(), prefix);
    }

    private static <V> void deleteByPrefix(StateMap<V> map, String prefix) {
        for (Map.Entry<String, V> e : map.entries()) {
            if (e.getKey().startsWith(prefix)) {
                map.delete(e.getKey());
            }
        }
    }

    // --- per event -------------------------------------------------------------------------

    private boolean isDuplicate(Event e, Instant now) {
        if (e.id() == null) {
            return false;
        }
        if (state.seen().contains(e.id(), now)) {
            return true;
        }
        state.seen().remember(e.id(), now);
        return false;
    }

    private void advanceHostClock(Event e, Instant now) {
        HostClock c = state.hosts().get(e.host());
        HostClock next = c == null ? HostClock.first(e.ts(), now) : c.advance(e.ts(), now);
        state.hosts().put(e.host(), next);
        if (c == null || next.latest().isAfter(c.latest())) {
            episodeTicks.hostAdvanced(e.host());
            streamTicks.hostAdvanced(e.host());
            expiry.hostAdvanced(e.host());
        }
    }

    private void onMatchPattern(CompiledPattern p, Event e, Instant now, List<Incident> out) {
        Optional<Match> m = p.match(e);
        if (m.isEmpty()) {
            return;
        }
        String groupKey = String.join(SEP, p.groupKey(e, m.get()));
        observe(p, e, m.get(), groupKey, p.variables(e, m.get()), 1, e.ts(), true, now, out);
    }

    /** A threshold, or with {@code sig} a signature pattern: counts the event in its window. */
    private void onThresholdPattern(CompiledPattern p, Event e, MinedSignature sig, Instant now, List<Incident> out) {
        Optional<Match> m = p.match(e);
        if (m.isEmpty()) {
            return;
        }
        Threshold t = p.threshold().orElseThrow();
        Map<String, String> vars = new HashMap<>(p.variables(e, m.get()));
        String groupKey = String.join(SEP, p.groupKey(e, m.get()));
        String baseKey = groupKey;
        if (sig != null) {
            groupKey = groupKey + SEP + sig.id();
            vars.put("signature", sig.id());
            vars.put("template", sig.template());
        }
        vars.put("window", Durations.human(t.window()));
        String windowKey = key(p, e.host(), groupKey);
        String distinctValue = t.distinctOf().map(d -> String.valueOf(CompiledPattern.value(d, e, m.get()))).orElse(null);
        WindowState current = Optional.ofNullable(state.windows().get(windowKey)).orElse(WindowState.empty());
        Optional<OnceSpec> once = t.once();
        if (once.isPresent() && once.get().then().matches(e) && current.completes(e.ts(), once.get().within())) {
            state.windows().put(windowKey, current.completed());
            // the second line of an occurrence already counted: its values refresh the incident
            updateLive(p, e, windowKey, vars, causeLines(p, e, m.get()), 0, now, out);
            return;
        }
        boolean opens = once.isPresent() && once.get().first().matches(e);
        WindowState w = current.add(e.ts(), distinctValue, t.window(), t.min(), opens);
        if (sig != null) {
            w = foldGeneralised(p, e.host(), baseKey, sig, w, e.ts().minus(t.window()));
        }
        state.windows().put(windowKey, w);
        long inWindow = w.count(t.distinctOf().isPresent());
        vars.put("distinct", String.valueOf(w.distinct().size()));
        Instant firstInWindow = w.times().isEmpty() ? e.ts() : w.times().get(0);
        observe(p, e, m.get(), groupKey, vars, inWindow, firstInWindow, inWindow >= t.min(), now, out);
    }

    /**
     * The template generalised: what this host counted under its more specific forms counts for
     * it now, and an episode still open under one of them goes on under it (same incident id),
     * so one error whose parameter words vary is not split into an incident per word.
     */
    private WindowState foldGeneralised(CompiledPattern p, String host, String baseKey, MinedSignature sig, WindowState w,
            Instant from) {
        WindowState folded = w;
        String generalKey = key(p, host, baseKey + SEP + sig.id());
        for (String old : sig.replaces()) {
            String oldKey = key(p, host, baseKey + SEP + old);
            WindowState before = state.windows().get(oldKey);
            if (before != null) {
                folded = folded.union(before, from);
                state.windows().delete(oldKey);
            }
            EpisodeState ep = state.episodes().get(oldKey);
            if (ep != null && !ep.resolved() && state.episodes().get(generalKey) == null) {
                state.episodes().put(generalKey, ep.regrouped(baseKey + SEP + sig.id()));
                state.episodes().delete(oldKey);
            }
        }
        return folded;
    }

    /**
     * Updates the live episode of {@code key} with a match that adds {@code add} to its count (0 for
     * the second line of an occurrence already counted); false when no episode is live.
     */
    private boolean updateLive(CompiledPattern p, Event e, String key, Map<String, String> vars, List<EvidenceItem> cause,
            long add, Instant now, List<Incident> out) {
        Optional<EpisodeState> live = episodes.live(key, p, e.ts());
        if (live.isEmpty()) {
            return false;
        }
        EpisodeState ep = live.get().withMatch(e.ts(), vars, EvidenceItem.of(e), cause, add);
        episodes.emitIfDue(key, ep, p, now, UPDATE_INTERVAL, false, out);
        return true;
    }

    /** Records a match: updates the live episode of its key, or opens one when {@code mayOpen}. */
    private void observe(CompiledPattern p, Event e, Match m, String groupKey, Map<String, String> vars, long openCount,
            Instant firstSeen, boolean mayOpen, Instant now, List<Incident> out) {
        String key = key(p, e.host(), groupKey);
        List<EvidenceItem> cause = causeLines(p, e, m);
        if (updateLive(p, e, key, vars, cause, 1, now, out)) {
            return;
        }
        if (!mayOpen) {
            return;
        }
        EpisodeState ep = episodes.open(key, p, e.host(), groupKey, firstSeen, e.ts(), openCount, vars,
                List.of(EvidenceItem.of(e)), cause);
        ep = linkToKills(p, ep, e.ts(), now, out);
        ep = linkDeclared(p, ep, now, out);
        episodes.emitOpened(key, ep, p, now, out);
    }

    private void onSequencePattern(CompiledPattern p, Event e, Instant now, List<Incident> out) {
        SequenceSpec spec = p.sequence().orElseThrow();
        List<Step> steps = p.steps();
        // last step first, so an event that matches two steps cannot advance a partial it just began
        for (int i = steps.size() - 1; i >= 0; i--) {
            Optional<Match> m = steps.get(i).match(e);
            if (m.isEmpty()) {
                continue;
            }
            String groupKey = String.join(SEP, p.groupKey(e, m.get()));
            String key = key(p, e.host(), groupKey);
            SequenceState s = Optional.ofNullable(state.sequences().get(key)).orElse(new SequenceState(1, List.of()));
            Map<String, String> values = qualified(steps.get(i).name(), p.variables(e, m.get()));
            List<SequenceState.Partial> partials = new ArrayList<>(s.partials());
            if (i == 0) {
                partials.add(new SequenceState.Partial(0, e.ts(), values, List.of(EvidenceItem.of(e))));
            } else {
                advancePartials(p, spec, partials, i, e, values, groupKey, now, out);
            }
            while (partials.size() > MAX_PARTIALS) {
                partials.remove(0);
            }
            state.sequences().put(key, new SequenceState(s.v(), partials));
        }
    }

    private void advancePartials(CompiledPattern p, SequenceSpec spec, List<SequenceState.Partial> partials, int step,
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
            completeSequence(p, e, groupKey, partial.start(), merged, ev, now, out);
            return;
        }
    }

    private void completeSequence(CompiledPattern p, Event e, String groupKey, Instant start, Map<String, String> vars,
            List<EvidenceItem> evidence, Instant now, List<Incident> out) {
        String key = key(p, e.host(), groupKey);
        Optional<EpisodeState> live = episodes.live(key, p, e.ts());
        if (live.isPresent()) {
            EpisodeState ep = live.get().withMatch(e.ts(), vars, EvidenceItem.of(e), List.of(), 1);
            episodes.emitIfDue(key, ep, p, now, UPDATE_INTERVAL, false, out);
            return;
        }
        EpisodeState ep = episodes.open(key, p, e.host(), groupKey, start, e.ts(), 1, vars, evidence, List.of());
        ep = linkToKills(p, ep, start, now, out);
        ep = linkDeclared(p, ep, now, out);
        episodes.emitIfDue(key, ep, p, now, UPDATE_INTERVAL, true, out);
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

    private void onAbsenceStream(CompiledPattern p, Event e, Instant now, List<Incident> out) {
        Optional<Match> m = p.match(e);
        if (m.isEmpty()) {
            return;
        }
        AbsenceSpec spec = p.absence().orElseThrow();
        String groupKey = String.join(SEP, p.groupKey(e, m.get()));
        String key = key(p, e.host(), groupKey);
        StreamState s = state.streams().get(key);
        if (s != null && s.openEpisode() != null) {
            resolveResumedStream(p, s, now, out);
        }
        long events = s == null ? 1 : s.events() + 1;
        long gap = s == null ? 0 : Math.max(0, Duration.between(s.lastTs(), e.ts()).toMillis());
        boolean newRun = s == null || s.events() >= 2 && gap >= spec.silenceAfter(s.usualGap()).toMillis();
        // exponential moving average: recent rhythm counts most, one long pause does not reset it
        long usual = s == null ? 0 : s.events() == 1 ? gap : newRun ? s.usualGapMillis() : (s.usualGapMillis() * 4 + gap) / 5;
        state.streams().put(key, new StreamState(1, p.name(), e.host(), groupKey, events, newRun ? e.ts() : s.runStart(),
                e.ts(), EvidenceItem.of(e), e.isPartial(), spec.isGraceful(e), usual, p.variables(e, m.get()), null));
    }

    private void resolveResumedStream(CompiledPattern p, StreamState s, Instant now, List<Incident> out) {
        EpisodeState ep = state.episodes().get(s.openEpisode());
        if (ep != null && !ep.resolved()) {
            episodes.emitIfDue(s.openEpisode(), ep.resolvedNow(), p, now, UPDATE_INTERVAL, true, out);
        }
    }

    private void rememberCauseLines(PatternSet set, Event e) {
        for (CompiledPattern p : set.patterns()) {
            Optional<CauseSpec> cause = p.cause();
            Optional<Match> m = cause.isEmpty() ? Optional.empty() : cause.get().filter().match(e);
            if (m.isEmpty()) {
                continue;
            }
            String value = CompiledPattern.value(cause.get().sameField(), e, m.get());
            String key = key(p, e.host(), String.valueOf(value));
            EvidenceRing ring = Optional.ofNullable(state.causes().get(key)).orElse(EvidenceRing.empty());
            state.causes().put(key, ring.append(EvidenceItem.of(e), cause.get().lines() + CAUSE_RING_SLACK));
        }
        for (CompiledPattern p : set.patterns()) {
            Optional<GatherSpec> gather = p.gather();
            Optional<Match> m = gather.isEmpty() ? Optional.empty() : gather.get().filter().match(e);
            String value = m.isEmpty() ? null : CompiledPattern.value(gather.get().name(), e, m.get());
            if (value == null) {
                continue;
            }
            // the ring keeps the gathered value, not the line: that is all the incident shows of it
            String key = key(p, e.host(), GATHERED);
            EvidenceRing ring = Optional.ofNullable(state.causes().get(key)).orElse(EvidenceRing.empty());
            state.causes().put(key, ring.append(new EvidenceItem(e.id(), e.ts(), e.source().wireName(), value),
                    GatherSpec.MAX_LINES));
        }
    }

    /**
     * The episode with its {@code gather} variable: the distinct values kept on its host within the
     * window around its first line, in the order they came (the first record waits a tick for them),
     * only the ancestors of its {@code under} name when the pattern gives one and it renders.
     */
    private EpisodeState withGathered(CompiledPattern p, EpisodeState ep) {
        Optional<GatherSpec> gather = p.gather();
        EvidenceRing ring = gather.isEmpty() ? null : state.causes().get(key(p, ep.host(), GATHERED));
        if (ring == null) {
            return ep;
        }
        Duration w = gather.get().within();
        String under = gather.get().under().flatMap(t -> t.renderComplete(ep.vars())).orElse("");
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (EvidenceItem i : ring.between(ep.firstSeen().minus(w), ep.firstSeen().plus(w), GatherSpec.MAX_LINES)) {
            if (under.isEmpty() || GatherSpec.isAncestorOrSelf(i.message(), under)) {
                values.add(i.message());
            }
        }
        String joined = String.join(", ", values);
        return values.isEmpty() || joined.equals(ep.vars().get(gather.get().name())) ? ep
                : ep.withVars(Map.of(gather.get().name(), joined));
    }

    private List<EvidenceItem> causeLines(CompiledPattern p, Event e, Match m) {
        Optional<CauseSpec> cause = p.cause();
        if (cause.isEmpty()) {
            return List.of();
        }
        String value = CompiledPattern.value(cause.get().sameField(), e, m);
        EvidenceRing ring = state.causes().get(key(p, e.host(), String.valueOf(value)));
        if (ring == null) {
            return List.of();
        }
        Instant since = cause.get().lookback().map(d -> e.ts().minus(d)).orElse(Instant.EPOCH);
        return ring.between(since, e.ts(), cause.get().lines());
    }

    // --- linking ---------------------------------------------------------------------------

    /**
     * Links an opening episode to OOM kills on its host near {@code anchor}, and remembers the
     * episode when it is itself a kill.
     */
    private EpisodeState linkToKills(CompiledPattern p, EpisodeState ep, Instant anchor, Instant now, List<Incident> out) {
        KillList kills = Optional.ofNullable(state.kills().get(ep.host())).orElse(new KillList(1, List.of()));
        if (OOM_KILL_TYPE.equals(p.type())) {
            List<KillList.Kill> k = new ArrayList<>(kills.kills());
            k.add(new KillList.Kill(ep.id(), ep.firstSeen(), ep.vars().get("victim_pid"), ep.vars().get("victim_comm"),
                    episodeKey(ep)));
            while (k.size() > MAX_KILLS) {
                k.remove(0);
            }
            state.kills().put(ep.host(), new KillList(kills.v(), k));
            replanStreamsOf(ep.host());
            return ep;
        }
        for (KillList.Kill kill : kills.kills()) {
            if (kill.at().isBefore(anchor.minus(KILL_LINK_WINDOW)) || kill.at().isAfter(anchor.plus(KILL_LINK_WINDOW))) {
                continue;
            }
            ep = ep.withRelated(kill.incidentId()).withVars(Map.of(LINK_NOTE, linkNote(ep, kill)));
            linkBack(kill, ep.id(), now, out);
        }
        return ep;
    }

    /**
     * Relates an opening episode and the episodes of its host that a {@code link} clause (its
     * pattern's or theirs) ties to it: same subject, seen within the clause's window of each
     * other. The other side is re-sent with the new id in its {@code related}.
     */
    private EpisodeState linkDeclared(CompiledPattern p, EpisodeState ep, Instant now, List<Incident> out) {
        PatternSet set = patterns.get();
        if (!set.hasLinks()) {
            return ep;
        }
        String subject = Episodes.subject(ep, p);
        Map<String, EpisodeState> linkedBack = new HashMap<>();
        for (Map.Entry<String, EpisodeState> entry : state.episodes().entries()) {
            EpisodeState other = entry.getValue();
            CompiledPattern q = other.host().equals(ep.host()) && !other.id().equals(ep.id())
                    ? set.byName(other.pattern()).orElse(null) : null;
            Optional<Duration> within = q == null ? Optional.empty() : linkWindow(p, q);
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
        linkedBack.forEach((key, linked) -> episodes.emitIfDue(key, linked, set.byName(linked.pattern()).orElseThrow(), now,
                UPDATE_INTERVAL, true, out));
        return ep;
    }

    /** How far apart incidents of two patterns may be and still be linked, when a {@code link} clause ties them. */
    private static Optional<Duration> linkWindow(CompiledPattern p, CompiledPattern q) {
        if (p.link().filter(l -> l.covers(q.type())).isPresent()) {
            return p.link().map(LinkSpec::within);
        }
        return q.link().filter(l -> l.covers(p.type())).map(LinkSpec::within);
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
        Optional<String> key = kill.episodeKey() != null ? Optional.of(kill.episodeKey()) : searchEpisode(kill.incidentId());
        EpisodeState k = key.map(state.episodes()::get).orElse(null);
        if (k == null || !k.id().equals(kill.incidentId())) {
            return;
        }
        CompiledPattern p = patterns.get().byName(k.pattern()).orElse(null);
        if (p != null && !k.related().contains(otherId)) {
            // sent now, so marked sent: a tick would send the same record again
            episodes.emitIfDue(key.get(), k.withRelated(otherId), p, now, UPDATE_INTERVAL, true, out);
        }
    }

    /** The key of the episode of an incident, for kills stored without it: a scan of every episode. */
    private Optional<String> searchEpisode(String incidentId) {
        for (Map.Entry<String, EpisodeState> entry : state.episodes().entries()) {
            if (entry.getValue().id().equals(incidentId)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** The state key an episode is stored under. */
    private static String episodeKey(EpisodeState ep) {
        return key(ep.pattern(), ep.host(), ep.groupKey());
    }

    // --- time-driven -----------------------------------------------------------------------

    private void tickEpisode(String key, EpisodeState ep, Instant now, List<Incident> out) {
        CompiledPattern p = patterns.get().byName(ep.pattern()).orElse(null);
        if (p == null || ep.resolved() && !ep.pending()) {
            return;
        }
        ep = withGathered(p, ep);
        Instant hostTime = hostTime(ep.host());
        if (!ep.resolved() && !hostTime.isBefore(ep.lastSeen().plus(p.quiet()))) {
            episodes.emitIfDue(key, ep.resolvedNow(), p, now, UPDATE_INTERVAL, true, out);
            return;
        }
        boolean renotify = !ep.resolved() && p.renotify().isPresent()
                && !now.isBefore(ep.lastNotified().plus(p.renotify().get()))
                && !inputLag.isBehind(now, RENOTIFY_CATCH_UP);
        // a reminder says it is one, and which: never a byte-for-byte copy of the record before it
        EpisodeState due = renotify ? ep.withVars(Map.of(RENOTIFIED, String.valueOf(renotified(ep) + 1))) : ep;
        episodes.emitIfDue(key, due, p, now, UPDATE_INTERVAL, false, out);
    }

    private static int renotified(EpisodeState ep) {
        String n = ep.vars().get(RENOTIFIED);
        return n == null ? 0 : Integer.parseInt(n);
    }

    /**
     * When an episode next needs a tick: its quiet period ends on its host's clock; a held-back
     * update and a re-notification are due on the analyzer's.
     */
    private Schedule.Plan planEpisodeTick(String key, EpisodeState ep) {
        CompiledPattern p = patterns.get().byName(ep.pattern()).orElse(null);
        if (p == null || ep.resolved() && !ep.pending()) {
            return Schedule.Plan.NONE;
        }
        Schedule.Plan plan = ep.resolved() ? Schedule.Plan.NONE
                : Schedule.Plan.onHostClock(ep.host(), ep.lastSeen().plus(p.quiet()));
        if (ep.pending()) {
            plan = plan.orWall(ep.lastEmitted().plus(UPDATE_INTERVAL));
        }
        if (!ep.resolved() && p.renotify().isPresent()) {
            plan = plan.orWall(ep.lastNotified().plus(p.renotify().get()));
        }
        return plan;
    }

    private void checkSilence(String key, StreamState s, Instant now, boolean endOfInput, List<Incident> out) {
        if (s.openEpisode() != null || s.lastGraceful()) {
            return;
        }
        CompiledPattern p = patterns.get().byName(s.pattern()).orElse(null);
        if (p == null || p.absence().isEmpty()) {
            return;
        }
        Optional<Duration> silence = silence(p.absence().get(), s, now, endOfInput);
        if (silence.isPresent()) {
            openAbsence(key, p, s, silence.get(), now, out);
        }
    }

    /** How long the stream has been silent when that counts as an absence, else empty. */
    private Optional<Duration> silence(AbsenceSpec spec, StreamState s, Instant now, boolean endOfInput) {
        Instant reference = spec.whileHostAlive() ? hostTime(s.host()) : now;
        Duration silent = Duration.between(s.lastTs(), reference);
        if (endOfInput) {
            return s.lastPartial() ? Optional.of(silent) : Optional.empty();
        }
        Optional<Duration> threshold = silenceThreshold(spec, s);
        if (threshold.isEmpty() || silent.compareTo(threshold.get()) < 0) {
            return Optional.empty();
        }
        return spec.whileHostAlive() || caughtUp(s, threshold.get(), now) ? Optional.of(silent) : Optional.empty();
    }

    /**
     * How long the stream must be silent to count as an absence, as far as is known now (a later
     * OOM kill on its host can shorten it), or empty when it cannot be without new events.
     */
    private Optional<Duration> silenceThreshold(AbsenceSpec spec, StreamState s) {
        boolean active = s.events() >= 2 || spec.fixed().isPresent();
        if (!active && !s.lastPartial()) {
            return Optional.empty();
        }
        Duration limit = active ? spec.silenceAfter(s.usualGap()) : PARTIAL_GRACE;
        if (s.lastPartial() && PARTIAL_GRACE.compareTo(limit) < 0) {
            limit = PARTIAL_GRACE;
        }
        // only a silence measured against the stream's own rhythm needs the stream to have a rhythm
        boolean talkedLongEnough = spec.fixed().isPresent()
                || Duration.between(s.runStart(), s.lastTs()).compareTo(limit) >= 0;
        Optional<Duration> byRhythm = s.lastPartial() || talkedLongEnough ? Optional.of(limit) : Optional.empty();
        // an OOM kill on the host right after the stream's last line is evidence its writer died
        if (killedRightAfter(s) && (byRhythm.isEmpty() || PARTIAL_GRACE.compareTo(limit) < 0)) {
            return Optional.of(PARTIAL_GRACE);
        }
        return byRhythm;
    }

    /**
     * Catch-up guard for a silence measured on the analyzer's clock: a task still working through
     * a backlog (after a restart), or a host whose events keep arriving late, is behind, not
     * silent. A host's lag counts only while its events still arrive: the last one it sent may
     * have been a backlog's, and a host that has sent nothing since is silent however late that was.
     */
    private boolean caughtUp(StreamState s, Duration threshold, Instant now) {
        HostClock clock = state.hosts().get(s.host());
        boolean hostBehind = clock != null && clock.lagMillis() >= threshold.toMillis()
                && Duration.between(clock.arrivedAt(), now).compareTo(threshold) < 0;
        return !hostBehind && !inputLag.isBehind(now, threshold);
    }

    /** When a stream's silence next needs a check: on its host's clock or on the analyzer's, as its pattern measures it. */
    private Schedule.Plan planStreamTick(String key, StreamState s) {
        if (s.openEpisode() != null || s.lastGraceful()) {
            return Schedule.Plan.NONE;
        }
        CompiledPattern p = patterns.get().byName(s.pattern()).orElse(null);
        if (p == null || p.absence().isEmpty()) {
            return Schedule.Plan.NONE;
        }
        Optional<Duration> threshold = silenceThreshold(p.absence().get(), s);
        if (threshold.isEmpty()) {
            return Schedule.Plan.NONE;
        }
        Instant due = s.lastTs().plus(threshold.get());
        return p.absence().get().whileHostAlive() ? Schedule.Plan.onHostClock(s.host(), due) : Schedule.Plan.onWallClock(due);
    }

    private boolean killedRightAfter(StreamState s) {
        KillList kills = state.kills().get(s.host());
        if (kills == null) {
            return false;
        }
        // a tight window: a kill minutes later is more likely another process's end than this writer's
        return kills.kills().stream().anyMatch(k -> !k.at().isBefore(s.lastTs())
                && !k.at().isAfter(s.lastTs().plus(PARTIAL_GRACE)));
    }

    /**
     * A new kill can cut the silence a stream of its host needs: plan that host's streams again
     * (the expiry schedule plans every stream on its host's clock, so it knows them).
     */
    private void replanStreamsOf(String host) {
        expiry.streams.keysOn(host).forEach(streams::replan);
    }

    private void openAbsence(String streamKey, CompiledPattern p, StreamState s, Duration silent, Instant now,
            List<Incident> out) {
        Map<String, String> vars = new HashMap<>(s.vars());
        vars.put("silence", Durations.human(silent));
        EpisodeState ep = episodes.open(streamKey, p, s.host(), s.groupKey(), s.lastTs(), s.lastTs().plus(silent), 1, vars,
                List.of(s.last()), List.of());
        ep = linkToKills(p, ep, s.lastTs(), now, out);
        episodes.emitIfDue(streamKey, ep, p, now, UPDATE_INTERVAL, true, out);
        state.streams().put(streamKey, new StreamState(s.v(), s.pattern(), s.host(), s.groupKey(), s.events(), s.runStart(), s.lastTs(),
                s.last(), s.lastPartial(), s.lastGraceful(), s.usualGapMillis(), s.vars(), streamKey));
    }

    private Instant hostTime(String host) {
        HostClock c = state.hosts().get(host);
        return c == null ? Instant.EPOCH : c.latest();
    }

    static String key(CompiledPattern p, String host, String groupKey) {
        return key(p.name(), host, groupKey);
    }

    private static String key(String pattern, String host, String groupKey) {
        return pattern + SEP + host + SEP + groupKey;
    }
}
