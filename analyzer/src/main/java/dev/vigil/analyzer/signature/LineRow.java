package dev.vigil.analyzer.signature;

/**
 * The line being mined as a row of token ids, looked up in the miner's dictionary: finds the
 * leaf of the parse tree it belongs to, the template there it is closest to, and the positions
 * where that template holds another word. Reuses its arrays from line to line.
 */
final class LineRow {

    private final MinerConfig config;
    private final TemplateIndex index;
    /** The line's token ids; a token no template holds has an id no template can hold (negative). */
    int[] ids = new int[32];
    /** Positions where the template last compared ({@link #markDifferences}) holds another word. */
    boolean[] differs = new boolean[32];

    LineRow(MinerConfig config, TemplateIndex index) {
        this.config = config;
        this.index = index;
    }

    void lookUp(MaskingTokenizer tokenizer, int n) {
        if (ids.length < n) {
            ids = new int[Math.max(n, 2 * ids.length)];
            differs = new boolean[ids.length];
        }
        char[] chars = tokenizer.chars();
        for (int i = 0; i < n; i++) {
            int id = index.find(chars, tokenizer.start(i), tokenizer.end(i), tokenizer.hash(i));
            // a token no template holds gets an id no template can hold
            ids[i] = id == TokenDictionary.UNKNOWN ? -1 - i : id;
        }
    }

    ParseTreeNode findLeaf(int n) {
        return findLeaf(n, n);
    }

    /** The leaf for a template of {@code n} tokens keyed by the line's leading tokens ({@code lineLength} of them). */
    ParseTreeNode findLeaf(int n, int lineLength) {
        ParseTreeNode node = index.root(n);
        int depth = Math.min(Math.min(n, lineLength), config.leadingTokens());
        for (int i = 0; i < depth && node != null; i++) {
            ParseTreeNode next = ids[i] >= 0 ? node.child(ids[i]) : null;
            node = next != null ? next : node.child(TokenDictionary.WILDCARD_ID);
        }
        return node;
    }

    /** Highest share of matching positions at or above the threshold; ties go to more exact tokens. */
    TemplateCluster bestMatch(ParseTreeNode leaf, int n) {
        TemplateCluster best = null;
        int bestMatches = -1;
        int bestExact = -1;
        for (TemplateCluster c : leaf.clusters) {
            int exact = 0;
            int wild = 0;
            int[] t = c.tokens;
            for (int i = 0; i < n; i++) {
                if (t[i] == ids[i]) {
                    exact++;
                } else if (t[i] == TokenDictionary.WILDCARD_ID) {
                    wild++;
                }
            }
            int matches = exact + wild;
            if (matches > bestMatches || (matches == bestMatches && exact > bestExact)) {
                best = c;
                bestMatches = matches;
                bestExact = exact;
            }
        }
        if (best == null || (n > 0 && bestMatches < config.similarityThreshold() * n)) {
            return null;
        }
        return best;
    }

    /** Marks the positions where the template holds a different token; returns how many. */
    int markDifferences(TemplateCluster c, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            differs[i] = c.tokens[i] != ids[i] && c.tokens[i] != TokenDictionary.WILDCARD_ID;
            if (differs[i]) {
                count++;
            }
        }
        return count;
    }
}
