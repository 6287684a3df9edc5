package dev.vigil.analyzer.signature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link TemplateMiner} knows, as a value: what a changelogged store keeps so that
 * a restarted task mines on with the same templates and ids.
 *
 * @param version format version, {@link #CURRENT_VERSION} for states this code writes
 * @param templates templates, least recently seen first
 * @param aliases old signature id to the id it was generalised into, least recently used first
 */
public record TemplateMinerState(int version, List<StoredTemplate> templates, Map<String, String> aliases) {

    /** The format version this code writes; {@link MinerStateCodec} reads it and older ones. */
    public static final int CURRENT_VERSION = 1;

    public TemplateMinerState {
        if (version < 1 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported miner state version " + version
                    + ", this Vigil reads 1.." + CURRENT_VERSION);
        }
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
     * @param template template text, tokens separated by one space
     * @param route the leading tokens it is filed under in the parse tree ({@code <*>} for the
     *     shared branch); usually the template's own leading tokens
     * @param count lines matched
     */
    public record StoredTemplate(String template, List<String> route, long count) {
        public StoredTemplate {
            Objects.requireNonNull(template, "template");
            route = List.copyOf(route);
            if (count < 0) {
                throw new IllegalArgumentException("count < 0: " + count);
            }
        }
    }
}
