package dev.vigil.analyzer.signature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One node of the miner's fixed-depth parse tree: inner nodes are keyed by token id
 * ({@link TokenDictionary#WILDCARD_ID} for the shared {@code <*>} branch), leaves hold the
 * templates that share a token count and leading tokens.
 */
final class ParseTreeNode {

    private static final int EMPTY = Integer.MIN_VALUE;

    final ParseTreeNode parent;
    final int key;
    final List<TemplateCluster> clusters = new ArrayList<>(2);
    private int[] keys = new int[0];
    private ParseTreeNode[] children = new ParseTreeNode[0];
    private int childCount;

    ParseTreeNode(ParseTreeNode parent, int key) {
        this.parent = parent;
        this.key = key;
    }

    int childCount() {
        return childCount;
    }

    ParseTreeNode child(int id) {
        if (childCount == 0) {
            return null;
        }
        int mask = keys.length - 1;
        for (int slot = mix(id) & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == EMPTY) {
                return null;
            }
            if (keys[slot] == id) {
                return children[slot];
            }
        }
    }

    ParseTreeNode addChild(int id) {
        ParseTreeNode node = new ParseTreeNode(this, id);
        if (2 * (childCount + 1) > keys.length) {
            resize(Math.max(4, keys.length * 2));
        }
        put(id, node);
        childCount++;
        return node;
    }

    void removeChild(int id) {
        int[] oldKeys = keys;
        ParseTreeNode[] oldChildren = children;
        keys = new int[oldKeys.length];
        children = new ParseTreeNode[oldKeys.length];
        Arrays.fill(keys, EMPTY);
        childCount = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldKeys[i] != id) {
                put(oldKeys[i], oldChildren[i]);
                childCount++;
            }
        }
    }

    boolean isUnused() {
        return childCount == 0 && clusters.isEmpty();
    }

    private void resize(int capacity) {
        int[] oldKeys = keys;
        ParseTreeNode[] oldChildren = children;
        keys = new int[capacity];
        children = new ParseTreeNode[capacity];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldChildren[i]);
            }
        }
    }

    private void put(int id, ParseTreeNode node) {
        int mask = keys.length - 1;
        int slot = mix(id) & mask;
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = id;
        children[slot] = node;
    }

    private static int mix(int id) {
        return id * 0x9E3779B9 >>> 7;
    }
}
