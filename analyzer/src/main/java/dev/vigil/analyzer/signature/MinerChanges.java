package dev.vigil.analyzer.signature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in a {@link TemplateMiner} since its changes were last taken: each template and
 * alias is one store record, so a save writes these and nothing else.
 *
 * @param templates templates added or changed, as they are now
 * @param removed keys of templates evicted or folded into another
 * @param aliases aliases recorded (old id to its target) or dropped (old id to null)
 * @param clock the miner's clock now: the order of aliases written with it
 */
public record MinerChanges(List<TemplateMinerState.StoredTemplate> templates, List<Long> removed,
        Map<String, String> aliases, long clock) {

    public MinerChanges {
        templates = List.copyOf(templates);
        removed = List.copyOf(removed);
        aliases = new HashMap<>(aliases); // null values mark drops: Map.copyOf would refuse them
    }

    @Override
    public Map<String, String> aliases() {
        return new HashMap<>(aliases);
    }

    public boolean isEmpty() {
        return templates.isEmpty() && removed.isEmpty() && aliases.isEmpty();
    }
}
