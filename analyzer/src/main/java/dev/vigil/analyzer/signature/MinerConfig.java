package dev.vigil.analyzer.signature;

/**
 * Settings of one {@link TemplateMiner}; the same defaults serve every kind of log.
 *
 * @param maxTemplates most templates kept at once; the least recently seen one is evicted
 *     beyond it (default 10,000)
 * @param similarityThreshold share of token positions (0..1) a line must have in common with a
 *     template to be a candidate for it (default 0.5)
 * @param leadingTokens how many leading tokens key the parse tree under the token count
 *     (default 2, Drain's depth 4)
 * @param maxChildren most distinct tokens under one tree node; further tokens share the
 *     {@code <*>} branch (default 100)
 * @param distinctValuesToGeneralise how many distinct values a position must show, all else
 *     equal, before it becomes {@code <*>} (default 3); 2 gives classic Drain, where a single
 *     difference generalises at once
 * @param maxAliases most old-to-new signature id aliases kept, least recently used evicted
 *     (default 4 x maxTemplates)
 */
public record MinerConfig(
        int maxTemplates,
        double similarityThreshold,
        int leadingTokens,
        int maxChildren,
        int distinctValuesToGeneralise,
        int maxAliases) {

    public MinerConfig {
        requireAtLeast("maxTemplates", maxTemplates, 1);
        if (!(similarityThreshold >= 0.0 && similarityThreshold <= 1.0)) {
            throw new IllegalArgumentException("similarityThreshold out of 0..1: " + similarityThreshold);
        }
        requireAtLeast("leadingTokens", leadingTokens, 0);
        requireAtLeast("maxChildren", maxChildren, 1);
        requireAtLeast("distinctValuesToGeneralise", distinctValuesToGeneralise, 2);
        requireAtLeast("maxAliases", maxAliases, 0);
    }

    /** The one configuration Vigil uses for every log. */
    public static MinerConfig defaults() {
        return new MinerConfig(10_000, 0.5, 2, 100, 3, 40_000);
    }

    /** These settings with a different template bound (aliases scale with it). */
    public MinerConfig withMaxTemplates(int max) {
        return new MinerConfig(max, similarityThreshold, leadingTokens, maxChildren,
                distinctValuesToGeneralise, (int) Math.min(4L * max, Integer.MAX_VALUE));
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " < " + min + ": " + value);
        }
    }
}
