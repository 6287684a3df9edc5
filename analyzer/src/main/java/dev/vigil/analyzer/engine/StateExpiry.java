package dev.vigil.analyzer.engine;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps engine state bounded: drops windows, cause lines, partial sequences, kills and episodes
 * that no pattern can use any more (measured on each host's own clock), and all state of
 * patterns that were removed.
 */
final class StateExpiry {
    /** Cause lines of a pattern without a lookback are kept this long. */
    static final Duration DEFAULT_CAUSE_RETENTION = Duration.ofHours(1);

    private final PatternSet patterns;
    private final EngineState state;

    StateExpiry(PatternSet patterns, EngineState state) {
        this.patterns = patterns;
        this.state = state;
    }

    void expire(Instant now) {
        expireWindows();
        expireCauses();
        expireSequences();
        expireEpisodes();
        expireStreams();
        expireKills();
        for (Map.Entry<String, Long> seen : state.seen().entries()) {
            if (seen.getValue() < now.minus(PatternEngine.DEDUPE_WINDOW).toEpochMilli()) {
                state.seen().delete(seen.getKey());
            }
        }
    }

    private void expireWindows() {
        for (Map.Entry<String, WindowState> e : state.windows().entries()) {
            Optional<CompiledPattern> p = pattern(e.getKey());
            Duration window = p.flatMap(CompiledPattern::threshold).map(t -> t.window()).orElse(Duration.ZERO);
            if (p.isEmpty() || e.getValue().newest().isBefore(hostTime(e.getKey()).minus(window))) {
                state.windows().delete(e.getKey());
            }
        }
    }

    private void expireCauses() {
        for (Map.Entry<String, EvidenceRing> e : state.causes().entries()) {
            Optional<CompiledPattern> p = pattern(e.getKey());
            Duration keep = p.flatMap(CompiledPattern::cause).flatMap(c -> c.lookback()).orElse(DEFAULT_CAUSE_RETENTION);
            if (p.isEmpty() || e.getValue().newest().isBefore(hostTime(e.getKey()).minus(keep))) {
                state.causes().delete(e.getKey());
            }
        }
    }

    private void expireSequences() {
        for (Map.Entry<String, SequenceState> e : state.sequences().entries()) {
            Optional<CompiledPattern> p = pattern(e.getKey());
            if (p.isEmpty() || p.get().sequence().isEmpty()) {
                state.sequences().delete(e.getKey());
                continue;
            }
            Instant oldest = hostTime(e.getKey()).minus(p.get().sequence().get().within());
            List<SequenceState.Partial> keep = new ArrayList<>();
            e.getValue().partials().stream().filter(x -> !x.start().isBefore(oldest)).forEach(keep::add);
            if (keep.isEmpty()) {
                state.sequences().delete(e.getKey());
            } else if (keep.size() < e.getValue().partials().size()) {
                state.sequences().put(e.getKey(), new SequenceState(e.getValue().v(), keep));
            }
        }
    }

    private void expireEpisodes() {
        for (Map.Entry<String, EpisodeState> e : state.episodes().entries()) {
            EpisodeState ep = e.getValue();
            boolean gone = patterns.byName(ep.pattern()).isEmpty();
            boolean old = ep.resolved() && !ep.pending()
                    && ep.lastSeen().isBefore(hostTime(e.getKey()).minus(PatternEngine.RESOLVED_RETENTION));
            if (gone || old) {
                state.episodes().delete(e.getKey());
            }
        }
    }

    private void expireStreams() {
        for (Map.Entry<String, StreamState> e : state.streams().entries()) {
            boolean gone = patterns.byName(e.getValue().pattern()).isEmpty();
            if (gone || e.getValue().lastTs().isBefore(hostTime(e.getKey()).minus(PatternEngine.STREAM_RETENTION))) {
                state.streams().delete(e.getKey());
            }
        }
    }

    private void expireKills() {
        for (Map.Entry<String, KillList> e : state.kills().entries()) {
            Instant oldest = hostTimeOf(e.getKey()).minus(PatternEngine.RESOLVED_RETENTION);
            List<KillList.Kill> keep = e.getValue().kills().stream().filter(k -> !k.at().isBefore(oldest)).toList();
            if (keep.isEmpty()) {
                state.kills().delete(e.getKey());
            } else if (keep.size() < e.getValue().kills().size()) {
                state.kills().put(e.getKey(), new KillList(e.getValue().v(), keep));
            }
        }
    }

    private Optional<CompiledPattern> pattern(String key) {
        return patterns.byName(key.split(PatternEngine.SEP, 3)[0]);
    }

    /** The clock of the host named in a {@code pattern SEP host SEP key} state key. */
    private Instant hostTime(String key) {
        String[] parts = key.split(PatternEngine.SEP, 3);
        return parts.length < 2 ? Instant.EPOCH : hostTimeOf(parts[1]);
    }

    private Instant hostTimeOf(String host) {
        HostClock c = state.hosts().get(host);
        return c == null ? Instant.EPOCH : c.latest();
    }
}
