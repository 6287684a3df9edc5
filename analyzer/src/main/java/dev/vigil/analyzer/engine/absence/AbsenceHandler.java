package dev.vigil.analyzer.engine.absence;

import dev.vigil.analyzer.engine.Durations;
import dev.vigil.analyzer.engine.EngineContext;
import dev.vigil.analyzer.engine.EpisodeState;
import dev.vigil.analyzer.engine.ExpiringStore;
import dev.vigil.analyzer.engine.HostClock;
import dev.vigil.analyzer.engine.HostTimes;
import dev.vigil.analyzer.engine.PatternEngine;
import dev.vigil.analyzer.engine.PatternHandler;
import dev.vigil.analyzer.engine.PlannedStateMap;
import dev.vigil.analyzer.engine.Schedule;
import dev.vigil.analyzer.engine.StateKeys;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.AbsenceSpec;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code absence} patterns: each watched stream ({@link StreamState}) learns its usual rhythm
 * from its events, and a silence longer than the pattern allows opens an incident, which the
 * stream's next event resolves. Silences are looked for on ticks, when the stream is due.
 */
public final class AbsenceHandler implements PatternHandler {
    /** A stream whose last line was cut (no newline) is called truncated after this much silence. */
    static final Duration PARTIAL_GRACE = Duration.ofMinutes(1);

    private final EngineContext ctx;
    /** Streams due for their silence check. */
    private final Schedule ticks;
    private final ExpiringStore<StreamState> store;
    private final PlannedStateMap<StreamState> streams;
    private final StateKeys.Recent recentKeys = new StateKeys.Recent();

    public AbsenceHandler(EngineContext ctx) {
        this.ctx = ctx;
        // checkSilence looks at the real silence: a stream's due time moves only when it comes
        this.ticks = ctx.schedule(true);
        this.store = ctx.store(ctx.stored().streams(), this::planExpiry, this::trimExpired,
                new PlannedStateMap.Watch<>(ticks, this::planTick));
        this.streams = store.map();
        // a new kill can cut the silence a stream of its host needs: plan that host's streams again
        // (the expiry schedule plans every stream on its host's clock, so it knows them)
        ctx.kills().onKill(host -> store.keysOn(host).forEach(streams::replan));
    }

    @Override
    public void onEvent(CompiledPattern p, Event e, Instant now, List<Incident> out) {
        Optional<Match> m = p.match(e);
        if (m.isEmpty()) {
            return;
        }
        String groupKey = StateKeys.groupKey(p, e, m.get());
        String key = recentKeys.key(p.name(), e.host(), groupKey);
        StreamState s = streams.get(key);
        if (s != null && s.alreadyHas(e)) {
            return; // a re-sent line: it neither resumes the stream nor changes its rhythm
        }
        if (s != null && s.openEpisode() != null) {
            resolveResumed(p, s, now, out);
        }
        updateStream(p, e, m.get(), groupKey, key, s);
    }

    /** The stream spoke: its last line, its rhythm and whether a new run of talking began. */
    private void updateStream(CompiledPattern p, Event e, Match m, String groupKey, String key, StreamState s) {
        AbsenceSpec spec = p.absence().orElseThrow();
        long events = s == null ? 1 : s.events() + 1;
        long gap = s == null ? 0 : Math.max(0, Duration.between(s.lastTs(), e.ts()).toMillis());
        boolean newRun = s == null || s.events() >= 2 && gap >= spec.silenceAfter(s.usualGap()).toMillis();
        // exponential moving average: recent rhythm counts most, one long pause does not reset it
        long usual = s == null ? 0 : s.events() == 1 ? gap : newRun ? s.usualGapMillis() : (s.usualGapMillis() * 4 + gap) / 5;
        // the line is quoted and its graceful marker run when first read: most lines never are
        streams.put(key, new StreamState(1, p.name(), e.host(), groupKey, events,
                newRun ? e.ts() : s.runStart(), e.ts(), LastLine.of(p, e, m), e.isPartial(), usual, null));
    }

    private void resolveResumed(CompiledPattern p, StreamState s, Instant now, List<Incident> out) {
        EpisodeState ep = ctx.episodes().get(s.openEpisode());
        if (ep != null && !ep.resolved()) {
            ctx.episodes().emitIfDue(s.openEpisode(), ep.resolvedNow(), p, now, PatternEngine.UPDATE_INTERVAL, true, out);
        }
    }

    @Override
    public void onTick(Instant now, List<Incident> out) {
        for (String key : ticks.takeDue(now, ctx::hostTime)) {
            StreamState s = streams.get(key);
            if (s != null) {
                checkSilence(key, s, now, false, out);
            }
            streams.replan(key);
        }
    }

    /** Streams whose last line was cut are truncated (still-active streams are not). */
    @Override
    public void onEndOfInput(Instant now, List<Incident> out) {
        for (Map.Entry<String, StreamState> entry : streams.entries()) {
            checkSilence(entry.getKey(), entry.getValue(), now, true, out);
        }
    }

    private void checkSilence(String key, StreamState s, Instant now, boolean endOfInput, List<Incident> out) {
        if (s.openEpisode() != null || s.lastGraceful()) {
            return;
        }
        CompiledPattern p = ctx.patterns().byName(s.pattern()).orElse(null);
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
        Instant reference = spec.whileHostAlive() ? ctx.hostTime(s.host()) : now;
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

    /** A tight window: a kill minutes later is more likely another process's end than this writer's. */
    private boolean killedRightAfter(StreamState s) {
        return ctx.kills().killedBetween(s.host(), s.lastTs(), s.lastTs().plus(PARTIAL_GRACE));
    }

    /**
     * Catch-up guard for a silence measured on the analyzer's clock: a task still working through
     * a backlog (after a restart), or a host whose events keep arriving late, is behind, not
     * silent. A host's lag counts only while its events still arrive: the last one it sent may
     * have been a backlog's, and a host that has sent nothing since is silent however late that was.
     */
    private boolean caughtUp(StreamState s, Duration threshold, Instant now) {
        HostClock clock = ctx.hostClock(s.host());
        boolean hostBehind = clock != null && clock.lagMillis() >= threshold.toMillis()
                && Duration.between(clock.arrivedAt(), now).compareTo(threshold) < 0;
        return !hostBehind && !ctx.inputLag().isBehind(now, threshold);
    }

    /** When a stream's silence next needs a check: on its host's clock or on the analyzer's, as its pattern measures it. */
    private Schedule.Plan planTick(String key, StreamState s) {
        if (s.openEpisode() != null || s.lastGraceful()) {
            return Schedule.Plan.NONE;
        }
        CompiledPattern p = ctx.patterns().byName(s.pattern()).orElse(null);
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

    private void openAbsence(String streamKey, CompiledPattern p, StreamState s, Duration silent, Instant now,
            List<Incident> out) {
        Map<String, String> vars = new HashMap<>(s.vars());
        vars.put("silence", Durations.human(silent));
        EpisodeState ep = ctx.episodes().open(streamKey, p, s.host(), s.groupKey(), s.lastTs(), s.lastTs().plus(silent), 1,
                vars, List.of(s.last()), List.of());
        ep = ctx.kills().link(p, ep, s.lastTs(), now, out);
        ctx.episodes().emitIfDue(streamKey, ep, p, now, PatternEngine.UPDATE_INTERVAL, true, out);
        streams.put(streamKey, new StreamState(s.v(), s.pattern(), s.host(), s.groupKey(), s.events(), s.runStart(),
                s.lastTs(), s.line(), s.lastPartial(), s.usualGapMillis(), streamKey));
    }

    private Schedule.Plan planExpiry(String key, StreamState s) {
        return ctx.patterns().byName(s.pattern()).isEmpty() ? ExpiringStore.NOW
                : ExpiringStore.dropAt(StateKeys.hostIn(key), s.lastTs().plus(PatternEngine.STREAM_RETENTION));
    }

    private StreamState trimExpired(String key, StreamState s, HostTimes clocks) {
        boolean gone = ctx.patterns().byName(s.pattern()).isEmpty();
        return gone || s.lastTs().isBefore(clocks.of(StateKeys.hostIn(key)).minus(PatternEngine.STREAM_RETENTION)) ? null : s;
    }
}
