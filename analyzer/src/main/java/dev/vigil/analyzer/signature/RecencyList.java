package dev.vigil.analyzer.signature;

/**
 * The miner's templates from most to least recently seen, as an intrusive doubly linked list
 * (the links live in {@link TemplateCluster}), so that marking a template seen costs a few
 * pointer writes and no allocation.
 */
final class RecencyList {

    private TemplateCluster newest;
    private TemplateCluster oldest;

    TemplateCluster newest() {
        return newest;
    }

    TemplateCluster oldest() {
        return oldest;
    }

    void addNewest(TemplateCluster c) {
        c.older = newest;
        c.newer = null;
        if (newest != null) {
            newest.newer = c;
        }
        newest = c;
        if (oldest == null) {
            oldest = c;
        }
    }

    void moveToNewest(TemplateCluster c) {
        if (c != newest) {
            remove(c);
            addNewest(c);
        }
    }

    void remove(TemplateCluster c) {
        if (c.newer != null) {
            c.newer.older = c.older;
        } else {
            newest = c.older;
        }
        if (c.older != null) {
            c.older.newer = c.newer;
        } else {
            oldest = c.newer;
        }
        c.newer = null;
        c.older = null;
    }

    void clear() {
        newest = null;
        oldest = null;
    }
}
