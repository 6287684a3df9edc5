package dev.vigil.analyzer.engine;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps engine state bounded: drops windows, cause lines, partial sequences, kills, episodes and
 * streams that no pattern can use any more (measured on each host's own clock), all state of
 * patterns that were removed, and everything of a host that has sent nothing for
 * {@link #HOST_RETENTION} (its clock has stopped, so nothing of it would expire otherwise).
 *
 * <p>Each store has a {@link Schedule} of when its entries can first be dropped, kept up to date
 * on every write, so a run looks only at entries that are due, however much state there is.
 */
final class StateExpiry {
    /** Cause lines of a pattern without a lookback are kept this long. */
    static final Duration DEFAULT_CAUSE_RETENTION = Duration.ofHours(1);
    /** A host silent this long on the analyzer's clock, heartbeats included, is forgotten. */
    static final Duration HOST_RETENTION = PatternEngine.STREAM_RETENTION;
    /** Dropping a forgotten host's state waits while the input is this far behind: its events may be in the backlog. */
    static final Duration HOST_CATCH_UP = Duration.ofMinutes(1);
    private static final Schedule.Plan NOW = Schedule.Plan.onWallClock(Instant.EPOCH);
    /**
     * Due times are rounded down to this: a little early is harmless (the entry is checked and
     * planned again), and an entry written on every event then keeps its due time for a while
     * instead of being re-planned each time.
     */
    private static final Duration GRAIN = Duration.ofMinutes(1);

    /** What to keep of one entry: null to drop it, the value itself to keep it whole, or a trimmed copy. */
    @FunctionalInterface
    private interface Trim<V> {
        V keep(String key, V value);
    }

    private final Supplier<PatternSet> patterns;
    final Schedule windows = new Schedule();
    final Schedule causes = new Schedule();
    final Schedule sequences = new Schedule();
    final Schedule episodes = new Schedule();
    final Schedule streams = new Schedule();
    final Schedule kills = new Schedule();
    final Schedule hosts = new Schedule();

    StateExpiry(Supplier<PatternSet> patterns) {
        this.patterns = patterns;
    }

    /** The host's clock moved: entries planned on it may have come due. */
    void hostAdvanced(String host) {
        for (Schedule s : List.of(windows, causes, sequences, episodes, streams, kills)) {
            s.hostAdvanced(host);
        }
    }

    // --- when each entry can first go ------------------------------------------------------

    Schedule.Plan planWindow(String key, WindowState w) {
        Optional<CompiledPattern> p = pattern(key);
        Optional<Duration> window = p.flatMap(CompiledPattern::threshold).map(t -> t.window());
        return window.isEmpty() ? NOW : onHostClock(hostIn(key), w.newest().plus(window.get()));
    }

    Schedule.Plan planCause(String key, EvidenceRing ring) {
        Optional<CompiledPattern> p = pattern(key);
        return p.isEmpty() ? NOW : onHostClock(hostIn(key), ring.newest().plus(causeRetention(p.get())));
    }

    Schedule.Plan planSequence(String key, SequenceState s) {
        Optional<CompiledPattern> p = pattern(key);
        if (p.isEmpty() || p.get().sequence().isEmpty() || s.partials().isEmpty()) {
            return NOW;
        }
        Instant oldest = s.partials().stream().map(SequenceState.Partial::start).min(Instant::compareTo).orElseThrow();
        return onHostClock(hostIn(key), oldest.plus(p.get().sequence().get().within()));
    }

    Schedule.Plan planEpisode(String key, EpisodeState ep) {
        Optional<CompiledPattern> p = patterns.get().byName(ep.pattern());
        if (p.isEmpty()) {
            return NOW;
        }
        // an open episode resolves after its quiet period at the earliest, and is kept a while after that
        Duration wait = ep.resolved() ? PatternEngine.RESOLVED_RETENTION : p.get().quiet().plus(PatternEngine.RESOLVED_RETENTION);
        return onHostClock(hostIn(key), ep.lastSeen().plus(wait));
    }

    Schedule.Plan planStream(String key, StreamState s) {
        return patterns.get().byName(s.pattern()).isEmpty() ? NOW
                : onHostClock(hostIn(key), s.lastTs().plus(PatternEngine.STREAM_RETENTION));
    }

    Schedule.Plan planKills(String host, KillList k) {
        Instant oldest = k.kills().stream().map(KillList.Kill::at).min(Instant::compareTo).orElse(Instant.EPOCH);
        return onHostClock(host, oldest.plus(PatternEngine.RESOLVED_RETENTION));
    }

    Schedule.Plan planHost(String host, HostClock c) {
        return Schedule.Plan.onWallClock(early(c.arrivedAt().plus(HOST_RETENTION)));
    }

    private static Schedule.Plan onHostClock(String host, Instant at) {
        return Schedule.Plan.onHostClock(host, early(at));
    }

    private static Instant early(Instant at) {
        long grain = GRAIN.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), grain) * grain);
    }

    // --- dropping what is due ----------------------------------------------------------------

    void expire(Instant now, EngineState state, InputLag lag) {
        HostTimes clocks = new HostTimes(state);
        expire(windows, state.windows(), this::planWindow, now, clocks, (key, w) -> {
            Duration window = pattern(key).flatMap(CompiledPattern::threshold).map(t -> t.window()).orElse(null);
            return window == null || w.newest().isBefore(clocks.of(hostIn(key)).minus(window)) ? null : w;
        });
        expire(causes, state.causes(), this::planCause, now, clocks, (key, ring) -> {
            Optional<CompiledPattern> p = pattern(key);
            return p.isEmpty() || ring.newest().isBefore(clocks.of(hostIn(key)).minus(causeRetention(p.get()))) ? null : ring;
        });
        expire(sequences, state.sequences(), this::planSequence, now, clocks, (key, s) -> trimSequence(key, s, clocks));
        expire(episodes, state.episodes(), this::planEpisode, now, clocks, (key, ep) -> {
            boolean gone = patterns.get().byName(ep.pattern()).isEmpty();
            boolean old = ep.resolved() && !ep.pending()
                    && ep.lastSeen().isBefore(clocks.of(hostIn(key)).minus(PatternEngine.RESOLVED_RETENTION));
            return gone || old ? null : ep;
        });
        expire(streams, state.streams(), this::planStream, now, clocks, (key, s) -> {
            boolean gone = patterns.get().byName(s.pattern()).isEmpty();
            return gone || s.lastTs().isBefore(clocks.of(hostIn(key)).minus(PatternEngine.STREAM_RETENTION)) ? null : s;
        });
        expire(kills, state.kills(), this::planKills, now, clocks, (host, k) -> {
            Instant oldest = clocks.of(host).minus(PatternEngine.RESOLVED_RETENTION);
            List<KillList.Kill> keep = k.kills().stream().filter(x -> !x.at().isBefore(oldest)).toList();
            return keep.isEmpty() ? null : keep.size() == k.kills().size() ? k : new KillList(k.v(), keep);
        });
        forgetSilentHosts(now, state, lag);
    }

    private <V> void expire(Schedule schedule, StateMap<V> map, PlannedStateMap.Planner<V> planner, Instant now,
            HostTimes clocks, Trim<V> trim) {
        for (String key : schedule.takeDue(now, clocks::of)) {
            V value = map.get(key);
            if (value == null) {
                continue;
            }
            V kept = trim.keep(key, value);
            if (kept == null) {
                map.delete(key);
            } else if (kept != value) {
                map.put(key, kept);
            } else {
                schedule.plan(key, planner.plan(key, value));
            }
        }
    }

    private SequenceState trimSequence(String key, SequenceState s, HostTimes clocks) {
        Optional<CompiledPattern> p = pattern(key);
        if (p.isEmpty() || p.get().sequence().isEmpty()) {
            return null;
        }
        Instant oldest = clocks.of(hostIn(key)).minus(p.get().sequence().get().within());
        List<SequenceState.Partial> keep = s.partials().stream().filter(x -> !x.start().isBefore(oldest)).toList();
        return keep.isEmpty() ? null : keep.size() == s.partials().size() ? s : new SequenceState(s.v(), keep);
    }

    /**
     * Forgets hosts that have sent nothing for {@link #HOST_RETENTION}, with everything keyed by
     * them: a host that is gone for good would otherwise keep its state forever, since its
     * entries expire on its own clock, which no longer moves.
     */
    private void forgetSilentHosts(Instant now, EngineState state, InputLag lag) {
        HostTimes clocks = new HostTimes(state);
        for (String host : hosts.takeDue(now, clocks::of)) {
            HostClock c = state.hosts().get(host);
            if (c == null) {
                continue;
            }
            if (lag.isBehind(now, HOST_CATCH_UP) || c.arrivedAt().plus(HOST_RETENTION).isAfter(now)) {
                hosts.plan(host, planHost(host, c));
                continue;
            }
            windows.keysOn(host).forEach(state.windows()::delete);
            causes.keysOn(host).forEach(state.causes()::delete);
            sequences.keysOn(host).forEach(state.sequences()::delete);
            episodes.keysOn(host).forEach(state.episodes()::delete);
            streams.keysOn(host).forEach(state.streams()::delete);
            kills.keysOn(host).forEach(state.kills()::delete);
            state.hosts().delete(host);
        }
    }

    private static Duration causeRetention(CompiledPattern p) {
        return p.cause().flatMap(c -> c.lookback()).orElse(DEFAULT_CAUSE_RETENTION);
    }

    private Optional<CompiledPattern> pattern(String key) {
        return patterns.get().byName(key.split(PatternEngine.SEP, 3)[0]);
    }

    /** The host named in a {@code pattern SEP host SEP key} state key. */
    static String hostIn(String key) {
        String[] parts = key.split(PatternEngine.SEP, 3);
        return parts.length < 2 ? "" : parts[1];
    }

    /** Each host's clock: the latest event time it sent. */
    private record HostTimes(EngineState state) {
        Instant of(String host) {
            HostClock c = state.hosts().get(host);
            return c == null ? Instant.EPOCH : c.latest();
        }
    }
}
