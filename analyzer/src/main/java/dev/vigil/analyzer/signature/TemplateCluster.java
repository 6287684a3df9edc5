package dev.vigil.analyzer.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * One mined template inside a {@link TemplateMiner}: its tokens as dictionary ids, the tree
 * route it was filed under, its current signature, its line count and its place in the
 * least-recently-seen list. Mutable, owned by one miner's {@link TemplateIndex}.
 */
final class TemplateCluster {

    /** Former ids a template remembers: enough for the few forms one generalisation folds. */
    static final int MAX_FORMER_IDS = 8;

    /** Stable for the template's life in this miner and across restores: the key of its stored record. */
    final long key;
    int[] tokens;
    final int[] route;
    final ParseTreeNode leaf;
    Signature signature;
    long count;
    /** The miner's clock when a line last landed here: orders restored templates by recency. */
    long lastSeen;
    /** Key of this template in the miner's index by token count and tokens after the leading ones. */
    long tailKey;
    /** Ids of the more specific templates folded into this one, most recent last. */
    final List<String> formerIds = new ArrayList<>();
    TemplateCluster newer;
    TemplateCluster older;

    TemplateCluster(long key, int[] tokens, int[] route, ParseTreeNode leaf, Signature signature, long count) {
        this.key = key;
        this.tokens = tokens;
        this.route = route;
        this.leaf = leaf;
        this.signature = signature;
        this.count = count;
    }

    /** Remembers that {@code id}, and whatever it had folded, now go by this template. */
    void absorb(String id, List<String> itsFormerIds) {
        for (String former : itsFormerIds) {
            rememberFormer(former);
        }
        rememberFormer(id);
    }

    void rememberFormer(String id) {
        if (id.equals(signature.id())) {
            return;
        }
        formerIds.remove(id);
        formerIds.add(id);
        if (formerIds.size() > MAX_FORMER_IDS) {
            formerIds.remove(0);
        }
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
