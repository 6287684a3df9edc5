package dev.vigil.analyzer.signature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Online, Drain-style message template miner: each message is masked and tokenised
 * ({@link MaskingTokenizer}), routed through a fixed-depth parse tree keyed by its token count
 * and its leading tokens, and matched against the templates of that leaf by token similarity:
 * the template with the most positions that hold the same token or {@code <*>} wins, if those
 * are at least {@link MinerConfig#similarityThreshold()} of the positions.
 *
 * <h2>Generalisation</h2>
 * A line that matches a template except at some positions does not turn those positions into
 * {@code <*>} at once: it is kept as a template of its own until
 * {@link MinerConfig#distinctValuesToGeneralise() N} templates of the leaf differ only there.
 * Then they merge into one template with {@code <*>} at those positions. A word that takes two
 * values ({@code SCREEN_ON}, {@code SCREEN_OFF}) thus stays part of two templates, while a user
 * name or host name that keeps changing becomes a parameter. A new template that has
 * {@code <*>} (from masking or merging) also absorbs the templates of its leaf that it covers:
 * {@code Invalid user webmaster from <*>} folds into {@code Invalid user <*> from <*>}.
 *
 * <h2>Signature ids and aliases</h2>
 * A template's signature id is {@link SignatureIds#of(String) derived from its text} alone. The
 * analyzer gives each message shape ({@link TemplateShapes}) one miner, so every host and
 * instance sees the same template, and the same id, for a line. When a template generalises,
 * its id changes: the miner records an alias from the old id to the new one, and from the id of
 * every template it absorbs to the id of the template that absorbed it. {@link #currentId(String)}
 * follows aliases, and {@link #lastFormerIds()} tells the former ids of the template a line just
 * landed in, so a consumer that counted under an old id can fold those counts into the new one
 * instead of splitting them. Aliases only ever point from a more specific template to a more
 * general one, so chains end; a template that is mined again after its general form was evicted
 * drops its alias and goes by its own id. At most {@link MinerConfig#maxAliases()} aliases are
 * kept (least recently used dropped first). Counts in {@link #templates()} already include those
 * of absorbed templates.
 *
 * <h2>Bounds and state</h2>
 * At most {@link MinerConfig#maxTemplates()} templates are kept; beyond that the least recently
 * seen one is evicted. {@link #snapshot()} and {@link #restore(MinerConfig, TemplateMinerState)}
 * turn the miner into a versioned value and back, for a changelogged store.
 *
 * <p>Not thread-safe: one miner per stream task.
 */
public final class TemplateMiner {

    /** Below this many tokens the dictionary is never compacted: rebuilding costs more than it frees. */
    private static final int DICTIONARY_FLOOR = 65_536;

    private final MinerConfig config;
    private final int dictionaryFloor;
    private final MaskingTokenizer tokenizer = new MaskingTokenizer();
    private TokenDictionary dictionary = new TokenDictionary();
    private final Map<Integer, ParseTreeNode> byLength = new HashMap<>();
    private final SignatureAliases aliases;
    private final RecencyList recency = new RecencyList();
    private int templateCount;
    private long templateTokenCount;
    private int[] lineIds = new int[32];
    private boolean[] differs = new boolean[32];
    private final List<TemplateCluster> siblings = new ArrayList<>();
    private final RecentMatches recent = new RecentMatches();
    private TemplateCluster last;

    /** An empty miner. */
    public TemplateMiner(MinerConfig config) {
        this(config, DICTIONARY_FLOOR);
    }

    /** An empty miner that compacts its dictionary above {@code dictionaryFloor} tokens. */
    TemplateMiner(MinerConfig config, int dictionaryFloor) {
        this.config = Objects.requireNonNull(config, "config");
        this.dictionaryFloor = dictionaryFloor;
        this.aliases = new SignatureAliases(config.maxAliases());
    }

    /** A miner holding the templates and aliases of a {@link #snapshot()}. */
    public static TemplateMiner restore(MinerConfig config, TemplateMinerState state) {
        TemplateMiner miner = new TemplateMiner(config, DICTIONARY_FLOOR);
        miner.load(state);
        return miner;
    }

    /** Mines one message (header already stripped) and returns its current signature. */
    public Signature add(CharSequence message) {
        last = null;
        tokenizer.tokenise(message);
        long hash = tokenizer.maskedHash();
        TemplateCluster cached = recent.find(hash, tokenizer.chars(), tokenizer.maskedLength());
        if (cached != null) {
            return seen(cached, 1).signature;
        }
        int n = tokenizer.count();
        lookUpLineTokens(n);
        ParseTreeNode leaf = findLeaf(n);
        TemplateCluster best = leaf == null ? null : bestMatch(leaf, n);
        if (best == null) {
            return createCluster(n).signature;
        }
        if (markDifferences(best, n) == 0) {
            recent.remember(hash, tokenizer.chars(), tokenizer.maskedLength(), best);
            return seen(best, 1).signature;
        }
        return generaliseOrAdd(leaf, best, n).signature;
    }

    /**
     * The ids the template the last {@link #add} returned went by before it generalised (the
     * more specific templates folded into it, most recent last, at most
     * {@value TemplateCluster#MAX_FORMER_IDS}), so a consumer that counted under one of them can
     * fold those counts into the current id; empty for a template that never generalised.
     */
    public List<String> lastFormerIds() {
        return last == null ? List.of() : List.copyOf(last.formerIds);
    }

    /** The id that {@code id} now goes by: itself, or the end of its alias chain. */
    public String currentId(String id) {
        return aliases.resolve(id);
    }

    /** Number of templates held. */
    public int templateCount() {
        return templateCount;
    }

    /** Tokens the dictionary holds, live or left over from evicted templates. */
    int dictionarySize() {
        return dictionary.size();
    }

    /** The templates held with their line counts, most frequent first. */
    public List<TemplateCount> templates() {
        List<TemplateCount> out = new ArrayList<>(templateCount);
        for (TemplateCluster c = recency.newest(); c != null; c = c.older) {
            out.add(new TemplateCount(c.signature, c.count));
        }
        out.sort(TemplateCount.MOST_FREQUENT_FIRST);
        return out;
    }

    /** The templates (least recently seen first) and aliases, as a versioned value. */
    public TemplateMinerState snapshot() {
        List<TemplateMinerState.StoredTemplate> stored = new ArrayList<>(templateCount);
        for (TemplateCluster c = recency.oldest(); c != null; c = c.newer) {
            List<String> route = new ArrayList<>(c.route.length);
            for (int id : c.route) {
                route.add(dictionary.text(id));
            }
            stored.add(new TemplateMinerState.StoredTemplate(c.signature.template(), route, c.count));
        }
        return new TemplateMinerState(TemplateMinerState.CURRENT_VERSION, stored, aliases.asMap());
    }

    private void lookUpLineTokens(int n) {
        if (lineIds.length < n) {
            lineIds = new int[Math.max(n, 2 * lineIds.length)];
            differs = new boolean[lineIds.length];
        }
        char[] chars = tokenizer.chars();
        for (int i = 0; i < n; i++) {
            int id = dictionary.find(chars, tokenizer.start(i), tokenizer.end(i), tokenizer.hash(i));
            // a token no template holds gets an id no template can hold
            lineIds[i] = id == TokenDictionary.UNKNOWN ? -1 - i : id;
        }
    }

    private ParseTreeNode findLeaf(int n) {
        ParseTreeNode node = byLength.get(n);
        int depth = Math.min(n, config.leadingTokens());
        for (int i = 0; i < depth && node != null; i++) {
            ParseTreeNode next = lineIds[i] >= 0 ? node.child(lineIds[i]) : null;
            node = next != null ? next : node.child(TokenDictionary.WILDCARD_ID);
        }
        return node;
    }

    /** Highest share of matching positions at or above the threshold; ties go to more exact tokens. */
    private TemplateCluster bestMatch(ParseTreeNode leaf, int n) {
        TemplateCluster best = null;
        int bestMatches = -1;
        int bestExact = -1;
        for (TemplateCluster c : leaf.clusters) {
            int exact = 0;
            int wild = 0;
            int[] t = c.tokens;
            for (int i = 0; i < n; i++) {
                if (t[i] == lineIds[i]) {
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
    private int markDifferences(TemplateCluster c, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            differs[i] = c.tokens[i] != lineIds[i] && c.tokens[i] != TokenDictionary.WILDCARD_ID;
            if (differs[i]) {
                count++;
            }
        }
        return count;
    }

    private TemplateCluster generaliseOrAdd(ParseTreeNode leaf, TemplateCluster best, int n) {
        siblings.clear();
        for (TemplateCluster c : leaf.clusters) {
            if (c != best && agreesOutsideDifferences(c, n)) {
                siblings.add(c);
            }
        }
        if (siblings.size() + 2 < config.distinctValuesToGeneralise()) {
            return createCluster(n);
        }
        int[] merged = generalisedTokens(best, n);
        long lines = 1;
        for (TemplateCluster s : siblings) {
            lines += s.count;
            for (int i = 0; i < n; i++) {
                if (s.tokens[i] == TokenDictionary.WILDCARD_ID) {
                    merged[i] = TokenDictionary.WILDCARD_ID;
                }
            }
        }
        Signature next = signatureOf(merged);
        for (TemplateCluster s : siblings) {
            aliases.record(s.signature.id(), next.id());
            remove(s);
        }
        aliases.record(best.signature.id(), next.id());
        recent.invalidate();
        Signature before = best.signature;
        best.tokens = merged;
        best.signature = next;
        best.rememberFormer(before.id());
        for (TemplateCluster s : siblings) {
            best.absorb(s.signature.id(), s.formerIds);
        }
        absorbMoreSpecific(best);
        return seen(best, lines);
    }

    /**
     * Folds into {@code general} the templates of its leaf that it covers (same tokens where it
     * has no {@code <*>}): once a position is known to vary, a template that fixes it only
     * splits the counts.
     */
    private void absorbMoreSpecific(TemplateCluster general) {
        siblings.clear();
        for (TemplateCluster c : general.leaf.clusters) {
            if (c != general && covers(general.tokens, c.tokens)) {
                siblings.add(c);
            }
        }
        for (TemplateCluster c : siblings) {
            aliases.record(c.signature.id(), general.signature.id());
            general.absorb(c.signature.id(), c.formerIds);
            general.count += c.count;
            remove(c);
        }
    }

    private static boolean covers(int[] general, int[] specific) {
        for (int i = 0; i < general.length; i++) {
            if (general[i] != TokenDictionary.WILDCARD_ID && general[i] != specific[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean agreesOutsideDifferences(TemplateCluster c, int n) {
        for (int i = 0; i < n; i++) {
            if (!differs[i] && c.tokens[i] != lineIds[i] && c.tokens[i] != TokenDictionary.WILDCARD_ID) {
                return false;
            }
        }
        return true;
    }

    private int[] generalisedTokens(TemplateCluster best, int n) {
        int[] merged = Arrays.copyOf(best.tokens, n);
        for (int i = 0; i < n; i++) {
            if (differs[i]) {
                merged[i] = TokenDictionary.WILDCARD_ID;
            }
        }
        return merged;
    }

    private TemplateCluster createCluster(int n) {
        int[] tokens = new int[n];
        char[] chars = tokenizer.chars();
        for (int i = 0; i < n; i++) {
            tokens[i] = lineIds[i] >= 0 ? lineIds[i]
                    : dictionary.intern(chars, tokenizer.start(i), tokenizer.end(i), tokenizer.hash(i));
        }
        int[] route = routeFor(tokens);
        TemplateCluster c = file(tokens, route, signatureOf(tokens), 1);
        if (c.wildcards() > 0) {
            absorbMoreSpecific(c);
        }
        last = c;
        compactDictionaryIfBloated();
        return c;
    }

    private int[] routeFor(int[] tokens) {
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

    /** Files a template under its route, creating the tree nodes it needs. */
    private TemplateCluster file(int[] tokens, int[] route, Signature signature, long count) {
        recent.invalidate();
        ParseTreeNode node = byLength.computeIfAbsent(tokens.length, len -> new ParseTreeNode(null, len));
        for (int key : route) {
            ParseTreeNode child = node.child(key);
            node = child != null ? child : node.addChild(key);
        }
        TemplateCluster c = new TemplateCluster(tokens, route, node, signature, count);
        // a template mined again after it was generalised and evicted goes by its own id again
        aliases.forget(signature.id());
        node.clusters.add(c);
        recency.addNewest(c);
        templateCount++;
        templateTokenCount += tokens.length;
        if (templateCount > config.maxTemplates()) {
            remove(recency.oldest());
        }
        return c;
    }

    private TemplateCluster seen(TemplateCluster c, long lines) {
        last = c;
        c.count += lines;
        recency.moveToNewest(c);
        return c;
    }

    private void remove(TemplateCluster c) {
        recent.invalidate();
        recency.remove(c);
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

    private Signature signatureOf(int[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(dictionary.text(tokens[i]));
        }
        return Signature.of(text.toString());
    }

    /**
     * Tokens of evicted or generalised templates stay in the dictionary; once they outnumber
     * the live ones by far, the miner rebuilds itself from its own snapshot.
     */
    private void compactDictionaryIfBloated() {
        if (dictionary.size() > dictionaryFloor && dictionary.size() > 8 * templateTokenCount) {
            TemplateMinerState state = snapshot();
            dictionary = new TokenDictionary();
            byLength.clear();
            aliases.clear();
            recency.clear();
            templateCount = 0;
            templateTokenCount = 0;
            load(state);
        }
    }

    private void load(TemplateMinerState state) {
        for (TemplateMinerState.StoredTemplate t : state.templates()) {
            tokenizer.splitTemplate(t.template());
            int[] tokens = new int[tokenizer.count()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = dictionary.intern(tokenizer.chars(), tokenizer.start(i), tokenizer.end(i),
                        tokenizer.hash(i));
            }
            int[] route = new int[Math.min(t.route().size(), tokens.length)];
            for (int i = 0; i < route.length; i++) {
                route[i] = dictionary.intern(t.route().get(i));
            }
            file(tokens, route, Signature.of(t.template()), t.count());
        }
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
