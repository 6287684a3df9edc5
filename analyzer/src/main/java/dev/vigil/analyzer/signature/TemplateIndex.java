package dev.vigil.analyzer.signature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The templates of one {@link TemplateMiner} and what finds them: the token dictionary, the
 * parse tree by token count and leading tokens, the index by tail, the live signature ids and
 * their aliases, and the recency list. It files, renames and removes templates and keeps their
 * counts; it notes which templates changed until {@link #drainChanges()}, so that a store
 * rewrites those alone, one record per template.
 */
final class TemplateIndex {

    private final MinerConfig config;
    private final int dictionaryFloor;
    private final MaskingTokenizer splitter = new MaskingTokenizer();
    private TokenDictionary dictionary = new TokenDictionary();
    private final Map<Integer, ParseTreeNode> byLength = new HashMap<>();
    private final SignatureAliases aliases;
    private final RecencyList recency = new RecencyList();
    /**
     * Templates by token count and the tokens after the leading ones that key the tree: finds
     * the templates that differ only in a leading token, which the tree files under different
     * leaves ({@code alice logged out}, {@code bob logged out}).
     */
    private final Map<Long, List<TemplateCluster>> byTail = new HashMap<>();
    /** Templates per signature id: templates of different lengths may share one. */
    private final Map<String, Integer> liveIds = new HashMap<>();
    /** Masked lines recently seen and their template, so a repeated line skips the tree. */
    final RecentMatches recent = new RecentMatches();
    private int templateCount;
    private long templateTokenCount;
    /** Ticks at every template seen: orders templates by when they were last seen, across restarts. */
    private long clock;
    private long nextKey;
    /** Templates changed since the last drain, by key; null for one removed. */
    private final Map<Long, TemplateCluster> changed = new LinkedHashMap<>();

    TemplateIndex(MinerConfig config, int dictionaryFloor) {
        this.config = config;
        this.dictionaryFloor = dictionaryFloor;
        this.aliases = new SignatureAliases(config.maxAliases());
    }

    int templateCount() {
        return templateCount;
    }

    int dictionarySize() {
        return dictionary.size();
    }

    /** The id of a line's token, or {@link TokenDictionary#UNKNOWN} when no template holds it. */
    int find(char[] chars, int start, int end, int hash) {
        return dictionary.find(chars, start, end, hash);
    }

    int intern(char[] chars, int start, int end, int hash) {
        return dictionary.intern(chars, start, end, hash);
    }

    /** The root of the tree of templates of {@code n} tokens; null when there is none. */
    ParseTreeNode root(int n) {
        return byLength.get(n);
    }

    /** The id that {@code id} now goes by: itself, or the end of its alias chain. */
    String resolve(String id) {
        return aliases.resolve(id);
    }

    /** The templates that share {@code tokens}' count and tokens after the leading ones; null when none. */
    List<TemplateCluster> sameTail(int[] tokens) {
        return byTail.get(tailKey(tokens));
    }

    /** The leaf of templates of {@code n} tokens that {@code tokens}' leading tokens lead to. */
    ParseTreeNode leafFor(int n, int[] tokens) {
        ParseTreeNode node = byLength.get(n);
        int depth = Math.min(Math.min(n, tokens.length), config.leadingTokens());
        for (int i = 0; i < depth && node != null; i++) {
            ParseTreeNode next = node.child(tokens[i]);
            node = next != null ? next : node.child(TokenDictionary.WILDCARD_ID);
        }
        return node;
    }

    int[] routeFor(int[] tokens) {
        int depth = Math.min(tokens.length, config.leadingTokens());
        int[] route = new int[depth];
        ParseTreeNode node = byLength.get(tokens.length);
        for (int i = 0; i < depth; i++) {
            int key = tokens[i];
            ParseTreeNode child = node == null ? null : node.child(key);
            if (child == null && (node != null && node.childCount() >= config.maxChildren())) {
                key = TokenDictionary.WILDCARD_ID;
            }
            route[i] = key;
            node = node == null ? null : node.child(key);
        }
        return route;
    }

    /** Files a new template under its route, creating the tree nodes it needs. */
    TemplateCluster file(int[] tokens, int[] route, Signature signature, long count) {
        return file(nextKey++, ++clock, tokens, route, signature, count);
    }

    private TemplateCluster file(long key, long lastSeen, int[] tokens, int[] route, Signature signature, long count) {
        recent.invalidate();
        ParseTreeNode node = byLength.computeIfAbsent(tokens.length, len -> new ParseTreeNode(null, len));
        for (int k : route) {
            ParseTreeNode child = node.child(k);
            node = child != null ? child : node.addChild(k);
        }
        TemplateCluster c = new TemplateCluster(key, tokens, route, node, signature, count);
        c.lastSeen = lastSeen;
        // a template mined again after it was generalised and evicted goes by its own id again
        aliases.forget(signature.id());
        node.clusters.add(c);
        indexTail(c);
        liveIds.merge(signature.id(), 1, Integer::sum);
        recency.addNewest(c);
        changed.put(key, c);
        templateCount++;
        templateTokenCount += tokens.length;
        if (templateCount > config.maxTemplates()) {
            remove(recency.oldest());
        }
        return c;
    }

    /** Counts {@code lines} more lines for {@code c}, now the most recently seen template. */
    TemplateCluster seen(TemplateCluster c, long lines) {
        c.count += lines;
        c.lastSeen = ++clock;
        recency.moveToNewest(c);
        changed.put(c.key, c);
        return c;
    }

    /** Counts under {@code general} the lines of a template it absorbed. */
    void addLines(TemplateCluster general, long lines) {
        general.count += lines;
        changed.put(general.key, general);
    }

    /** Gives {@code c} new tokens (some now {@code <*>}), keeping its place in the tree. */
    void retokenise(TemplateCluster c, int[] tokens) {
        recent.invalidate();
        unindexTail(c);
        c.tokens = tokens;
        indexTail(c);
        changed.put(c.key, c);
    }

    void remove(TemplateCluster c) {
        recent.invalidate();
        recency.remove(c);
        unindexTail(c);
        release(c.signature.id());
        changed.put(c.key, null);
        templateCount--;
        templateTokenCount -= c.tokens.length;
        c.leaf.clusters.remove(c);
        ParseTreeNode node = c.leaf;
        while (node.isUnused()) {
            if (node.parent == null) {
                byLength.remove(node.key);
                break;
            }
            node.parent.removeChild(node.key);
            node = node.parent;
        }
    }

    void rename(TemplateCluster c, Signature next) {
        release(c.signature.id());
        c.signature = next;
        liveIds.merge(next.id(), 1, Integer::sum);
        changed.put(c.key, c);
    }

    /** Aliases {@code from} to {@code to}, unless a template of another length still goes by {@code from}. */
    void retire(String from, String to) {
        if (!liveIds.containsKey(from)) {
            aliases.record(from, to);
        }
    }

    private void release(String id) {
        liveIds.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1);
    }

    private long tailKey(int[] tokens) {
        long h = tokens.length;
        for (int i = Math.min(tokens.length, config.leadingTokens()); i < tokens.length; i++) {
            h = (h + tokens[i]) * 0x9E3779B97F4A7C15L;
        }
        return h ^ (h >>> 31);
    }

    private void indexTail(TemplateCluster c) {
        c.tailKey = tailKey(c.tokens);
        byTail.computeIfAbsent(c.tailKey, k -> new ArrayList<>(2)).add(c);
    }

    private void unindexTail(TemplateCluster c) {
        List<TemplateCluster> sameTail = byTail.get(c.tailKey);
        if (sameTail != null && sameTail.remove(c) && sameTail.isEmpty()) {
            byTail.remove(c.tailKey);
        }
    }

    /**
     * The signature of a template: its tokens with every run of {@code <*>} written as one, so
     * that templates of different lengths that differ only in how many tokens a value took
     * ({@code for <*> failed}, {@code for <*> <*> failed}) share one signature and id, each
     * still filed under its own length to match the lines of that length.
     */
    Signature signatureOf(int[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0 && tokens[i] == TokenDictionary.WILDCARD_ID && tokens[i - 1] == TokenDictionary.WILDCARD_ID) {
                continue;
            }
            if (i > 0) {
                text.append(' ');
            }
            text.append(dictionary.text(tokens[i]));
        }
        return Signature.of(text.toString());
    }

    /** The tokens as stored, one space between them and no run of {@code <*>} joined. */
    private String tokenText(int[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(dictionary.text(tokens[i]));
        }
        return text.toString();
    }

    /** The templates held with their line counts, most frequent first. */
    List<TemplateCount> templates() {
        Map<String, TemplateCount> byId = new LinkedHashMap<>();
        for (TemplateCluster c = recency.newest(); c != null; c = c.older) {
            byId.merge(c.signature.id(), new TemplateCount(c.signature, c.count),
                    (a, b) -> new TemplateCount(a.signature(), a.count() + b.count()));
        }
        List<TemplateCount> out = new ArrayList<>(byId.values());
        out.sort(TemplateCount.MOST_FREQUENT_FIRST);
        return out;
    }

    /** The templates (least recently seen first) and aliases, as a versioned value. */
    TemplateMinerState snapshot() {
        List<TemplateMinerState.StoredTemplate> stored = new ArrayList<>(templateCount);
        for (TemplateCluster c = recency.oldest(); c != null; c = c.newer) {
            stored.add(stored(c));
        }
        return new TemplateMinerState(stored, aliases.asMap(), clock);
    }

    private TemplateMinerState.StoredTemplate stored(TemplateCluster c) {
        List<String> route = new ArrayList<>(c.route.length);
        for (int id : c.route) {
            route.add(dictionary.text(id));
        }
        return new TemplateMinerState.StoredTemplate(c.key, tokenText(c.tokens), route, c.count, c.lastSeen);
    }

    /**
     * What changed since the last call: templates to write (their current form) or delete, and
     * aliases to write or delete. A restored index starts with none.
     */
    MinerChanges drainChanges() {
        List<TemplateMinerState.StoredTemplate> saved = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        for (Map.Entry<Long, TemplateCluster> e : changed.entrySet()) {
            if (e.getValue() == null) {
                removed.add(e.getKey());
            } else {
                saved.add(stored(e.getValue()));
            }
        }
        changed.clear();
        return new MinerChanges(saved, removed, aliases.drainChanges(), clock);
    }

    /**
     * Tokens of evicted or generalised templates stay in the dictionary; once they outnumber
     * the live ones by far, the index rebuilds itself from its own snapshot (every template then
     * counts as changed: rare, and each is still one record).
     */
    void compactDictionaryIfBloated() {
        if (dictionary.size() > dictionaryFloor && dictionary.size() > 8 * templateTokenCount) {
            TemplateMinerState state = snapshot();
            dictionary = new TokenDictionary();
            byLength.clear();
            aliases.clear();
            liveIds.clear();
            byTail.clear();
            recency.clear();
            templateCount = 0;
            templateTokenCount = 0;
            load(state);
        }
    }

    /** Files the templates of {@code state} in its order and takes its aliases; what is already stored counts as unchanged. */
    void restore(TemplateMinerState state) {
        load(state);
        // a template evicted while loading (a lower bound than the one it was stored under) stays a removal
        changed.values().removeIf(Objects::nonNull);
        aliases.keepOnlyRemovals();
    }

    private void load(TemplateMinerState state) {
        for (TemplateMinerState.StoredTemplate t : state.templates()) {
            splitter.splitTemplate(t.template());
            int[] tokens = new int[splitter.count()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = dictionary.intern(splitter.chars(), splitter.start(i), splitter.end(i), splitter.hash(i));
            }
            int[] route = new int[Math.min(t.route().size(), tokens.length)];
            for (int i = 0; i < route.length; i++) {
                route[i] = dictionary.intern(t.route().get(i));
            }
            file(t.key(), t.lastSeen(), tokens, route, signatureOf(tokens), t.count());
            nextKey = Math.max(nextKey, t.key() + 1);
            clock = Math.max(clock, t.lastSeen());
        }
        clock = Math.max(clock, state.clock());
        aliases.putAll(state.aliases());
        rememberFormerIdsFromAliases();
    }

    /** Former ids are not stored: every alias names one, on the template its chain ends at. */
    private void rememberFormerIdsFromAliases() {
        Map<String, TemplateCluster> byId = new HashMap<>();
        for (TemplateCluster c = recency.oldest(); c != null; c = c.newer) {
            byId.put(c.signature.id(), c);
        }
        for (String from : aliases.asMap().keySet()) {
            TemplateCluster c = byId.get(aliases.resolve(from));
            if (c != null) {
                c.rememberFormer(from);
            }
        }
    }
}
