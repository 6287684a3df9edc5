package dev.vigil.analyzer.signature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link TemplateMiner} knows, as a value: what a changelogged store keeps (one
 * record per template and per alias, {@link MinerRecords}) so that a restarted task mines on with
 * the same templates and ids.
 *
 * @param templates templates, least recently seen first
 * @param aliases old signature id to the id it was generalised into, least recently used first
 * @param clock the miner's clock: no template or alias stored is later
 */
public record TemplateMinerState(List<StoredTemplate> templates, Map<String, String> aliases, long clock) {

    public TemplateMinerState {
        templates = List.copyOf(templates);
        aliases = new LinkedHashMap<>(aliases);
    }

    @Override
    public Map<String, String> aliases() {
        return new LinkedHashMap<>(aliases);
    }

    /**
     * One template as stored.
     *
     * @param key the template's key in its miner, stable across restores
     * @param template template text, tokens separated by one space
     * @param route the leading tokens it is filed under in the parse tree ({@code <*>} for the
     *     shared branch); usually the template's own leading tokens
     * @param count lines matched
     * @param lastSeen the miner's clock when a line last landed in it
     */
    public record StoredTemplate(long key, String template, List<String> route, long count, long lastSeen) {
        public StoredTemplate {
            Objects.requireNonNull(template, "template");
            route = List.copyOf(route);
            if (count < 0) {
                throw new IllegalArgumentException("count < 0: " + count);
            }
        }
    }
}
