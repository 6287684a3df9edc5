package dev.vigil.analyzer.signature;

/**
 * One mined template inside a {@link TemplateMiner}: its tokens as dictionary ids, the tree
 * route it was filed under, its current signature, its line count and its place in the
 * least-recently-seen list. Mutable, owned by one miner.
 */
final class TemplateCluster {

    int[] tokens;
    final int[] route;
    final ParseTreeNode leaf;
    Signature signature;
    long count;
    TemplateCluster newer;
    TemplateCluster older;

    TemplateCluster(int[] tokens, int[] route, ParseTreeNode leaf, Signature signature, long count) {
        this.tokens = tokens;
        this.route = route;
        this.leaf = leaf;
        this.signature = signature;
        this.count = count;
    }

    int wildcards() {
        int w = 0;
        for (int t : tokens) {
            if (t == TokenDictionary.WILDCARD_ID) {
                w++;
            }
        }
        return w;
    }
}
