package dev.vigil.analyzer.signature;

/**
 * The shape of a message: its masked token count and leading tokens, the part of the line that
 * picks its leaf in a {@link TemplateMiner}'s parse tree. Two messages of different shapes never
 * share a template (short of a leaf overflowing into {@code <*>}), so routing every message of
 * one shape to one miner gives each template one owner: the same line then gets the same
 * signature id whichever host wrote it and whichever task would have seen it.
 *
 * <p>Not thread-safe: one per stream task, like the miner.
 */
public final class TemplateShapes {

    private final MaskingTokenizer tokenizer = new MaskingTokenizer();
    private final int leadingTokens;
    private final StringBuilder shape = new StringBuilder();

    /** Shapes as the miners configured by {@code config} route them. */
    public TemplateShapes(MinerConfig config) {
        this.leadingTokens = config.leadingTokens();
    }

    /** {@code "<count> <token1> <token2>"}: the token count and the leading masked tokens. */
    public String of(CharSequence message) {
        tokenizer.tokenise(message);
        int n = tokenizer.count();
        shape.setLength(0);
        shape.append(n);
        char[] chars = tokenizer.chars();
        for (int i = 0; i < Math.min(n, leadingTokens); i++) {
            shape.append(' ').append(chars, tokenizer.start(i), tokenizer.end(i) - tokenizer.start(i));
        }
        return shape.toString();
    }
}
