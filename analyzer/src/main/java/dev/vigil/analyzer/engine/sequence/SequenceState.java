package dev.vigil.analyzer.engine.sequence;

import dev.vigil.analyzer.engine.EvidenceItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Partial matches of one sequence pattern and group key, oldest first, bounded. */
public record SequenceState(int v, List<Partial> partials) {
    public SequenceState {
        partials = List.copyOf(partials);
    }

    /**
     * Steps 0..{@code reached} matched, the first at {@code start}.
     *
     * @param values each matched step's values as {@code step.name} (captures and fields)
     * @param evidence the events that matched, in step order
     */
    public record Partial(int reached, Instant start, Map<String, String> values, List<EvidenceItem> evidence) {
        public Partial {
            values = Map.copyOf(values);
            evidence = List.copyOf(evidence);
        }
    }
}
