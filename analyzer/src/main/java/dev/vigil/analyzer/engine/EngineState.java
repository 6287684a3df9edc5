package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.engine.absence.StreamState;
import dev.vigil.analyzer.engine.sequence.SequenceState;
import dev.vigil.analyzer.engine.threshold.WindowState;
import java.util.Objects;

/**
 * Everything the engine remembers, by kind. Each map is one store in the topology.
 *
 * @param episodes open and recently resolved incident episodes, by pattern + host + group key
 * @param windows sliding-window counts of threshold and signature patterns
 * @param causes recent error-looking lines per pattern, host and cause field value
 * @param streams last-seen state of the streams absence patterns watch
 * @param sequences partial matches of sequence patterns
 * @param hosts per-host clock: the latest event time seen from each host
 * @param seen ids of recently counted events, so a re-sent one is not counted twice
 * @param kills recent OOM kills per host, to link incidents to the kill behind them
 */
public record EngineState(
        StateMap<EpisodeState> episodes,
        StateMap<WindowState> windows,
        StateMap<EvidenceRing> causes,
        StateMap<StreamState> streams,
        StateMap<SequenceState> sequences,
        StateMap<HostClock> hosts,
        RecentIds seen,
        StateMap<KillList> kills) {

    public EngineState {
        Objects.requireNonNull(episodes, "episodes");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(causes, "causes");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(kills, "kills");
    }

    /** All state in memory, for tests and one-off runs. */
    public static EngineState inMemory() {
        return new EngineState(new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemoryStateMap<>(),
                new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemoryStateMap<>(),
                new InMemoryRecentIds(PatternEngine.DEDUPE_WINDOW), new InMemoryStateMap<>());
    }
}
