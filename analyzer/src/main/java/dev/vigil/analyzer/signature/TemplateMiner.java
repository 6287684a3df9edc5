package dev.vigil.analyzer.signature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** Distinct values beyond {@link MinerConfig#distinctValuesToGeneralise()} a leading word must show to become a parameter. */
    private static final int EXTRA_LEADING_VALUES = 2;
    /** Most templates with the same tail a line without a match is compared with. */
    private static final int MAX_SAME_TAIL = 64;
    /** Most tokens one {@code <*>} may take beyond its own when a line meets a shorter template. */
    private static final int MAX_SPAN_EXTRA = 3;
    /** Fewest words a template must hold before one of its {@code <*>} may take several tokens. */
    private static final int MIN_SPAN_CONSTANTS = 2;

    /** Below this many tokens the dictionary is never compacted: rebuilding costs more than it frees. */
    private static final int DICTIONARY_FLOOR = 65_536;

    private final MinerConfig config;
    private final int dictionaryFloor;
    private final MaskingTokenizer tokenizer = new MaskingTokenizer();
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
            TemplateCluster shorter = shorterTemplateSpanning(n);
            if (shorter != null) {
                recent.remember(hash, tokenizer.chars(), tokenizer.maskedLength(), shorter);
                return seen(shorter, 1).signature;
            }
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
    public TemplateMinerState snapshot() {
        List<TemplateMinerState.StoredTemplate> stored = new ArrayList<>(templateCount);
        for (TemplateCluster c = recency.oldest(); c != null; c = c.newer) {
            List<String> route = new ArrayList<>(c.route.length);
            for (int id : c.route) {
                route.add(dictionary.text(id));
            }
            stored.add(new TemplateMinerState.StoredTemplate(tokenText(c.tokens), route, c.count));
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

    /**
     * A template up to {@value #MAX_SPAN_EXTRA} tokens shorter than the line that it matches
     * exactly once one of its {@code <*>} takes several tokens of the line: a value that is
     * sometimes a word and sometimes masked ({@code ns.example.com [10.0.0.1]} against
     * {@code [10.0.0.2]}) or that spans a varying number of words.
     */
    private TemplateCluster shorterTemplateSpanning(int n) {
        for (int extra = 1; extra <= MAX_SPAN_EXTRA && extra < n; extra++) {
            ParseTreeNode leaf = findLeaf(n - extra, n);
            if (leaf == null) {
                continue;
            }
            for (TemplateCluster c : leaf.clusters) {
                if (spans(c.tokens, lineIds, n)) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * Folds into {@code general} the longer templates it matches once one of its {@code <*>}
     * takes several of their tokens, so that the lines of both go by one signature.
     */
    private void absorbLongerSpanned(TemplateCluster general) {
        int m = general.tokens.length;
        siblings.clear();
        for (int extra = 1; extra <= MAX_SPAN_EXTRA; extra++) {
            // only the leaf its own leading tokens lead to: a bounded look, whatever the miner holds
            ParseTreeNode leaf = leafFor(m + extra, general.tokens);
            if (leaf == null) {
                continue;
            }
            for (TemplateCluster c : leaf.clusters) {
                if (spans(general.tokens, c.tokens, m + extra)) {
                    siblings.add(c);
                }
            }
        }
        foldSiblingsInto(general);
    }

    /** The leaf of templates of {@code n} tokens that {@code tokens}' leading tokens lead to. */
    private ParseTreeNode leafFor(int n, int[] tokens) {
        ParseTreeNode node = byLength.get(n);
        int depth = Math.min(Math.min(n, tokens.length), config.leadingTokens());
        for (int i = 0; i < depth && node != null; i++) {
            ParseTreeNode next = node.child(tokens[i]);
            node = next != null ? next : node.child(TokenDictionary.WILDCARD_ID);
        }
        return node;
    }

    /**
     * Whether {@code template} matches the first {@code n} tokens of {@code line} (longer than
     * it) with one {@code <*>} of the template taking the extra tokens, at least one of them a
     * masked value, and every other position the same token or {@code <*>} in the template.
     */
    private static boolean spans(int[] template, int[] line, int n) {
        int m = template.length;
        int constants = 0;
        for (int t : template) {
            if (t != TokenDictionary.WILDCARD_ID) {
                constants++;
            }
        }
        // a template of mostly <*> would take in lines that only share its few words
        if (constants < MIN_SPAN_CONSTANTS || 2 * constants < m) {
            return false;
        }
        int extra = n - m;
        int prefix = 0;
        while (prefix < m && (template[prefix] == line[prefix] || template[prefix] == TokenDictionary.WILDCARD_ID)) {
            prefix++;
        }
        // the spanning <*> is at or before the first position that does not match in place
        for (int w = Math.min(prefix, m - 1); w >= 0; w--) {
            if (template[w] != TokenDictionary.WILDCARD_ID) {
                continue;
            }
            boolean masked = false;
            for (int i = w; i <= w + extra; i++) {
                masked |= line[i] == TokenDictionary.WILDCARD_ID;
            }
            boolean rest = masked;
            for (int i = w + 1; i < m && rest; i++) {
                rest = template[i] == line[i + extra] || template[i] == TokenDictionary.WILDCARD_ID;
            }
            if (rest) {
                return true;
            }
        }
        return false;
    }

    private ParseTreeNode findLeaf(int n) {
        return findLeaf(n, n);
    }

    /** The leaf for a template of {@code n} tokens keyed by the line's leading tokens ({@code lineLength} of them). */
    private ParseTreeNode findLeaf(int n, int lineLength) {
        ParseTreeNode node = byLength.get(n);
        int depth = Math.min(Math.min(n, lineLength), config.leadingTokens());
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
            remove(s);
        }
        recent.invalidate();
        Signature before = best.signature;
        unindexTail(best);
        best.tokens = merged;
        indexTail(best);
        rename(best, next);
        for (TemplateCluster s : siblings) {
            retire(s.signature.id(), next.id());
        }
        retire(before.id(), next.id());
        best.rememberFormer(before.id());
        for (TemplateCluster s : siblings) {
            best.absorb(s.signature.id(), s.formerIds);
        }
        absorbMoreSpecific(best);
        absorbLongerSpanned(best);
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
        foldSiblingsInto(general);
    }

    /** Removes the templates in {@link #siblings} and counts their lines, and ids, under {@code general}. */
    private void foldSiblingsInto(TemplateCluster general) {
        for (TemplateCluster c : siblings) {
            remove(c);
            retire(c.signature.id(), general.signature.id());
            general.absorb(c.signature.id(), c.formerIds);
            general.count += c.count;
        }
    }

    /** Aliases {@code from} to {@code to}, unless a template of another length still goes by {@code from}. */
    private void retire(String from, String to) {
        if (!liveIds.containsKey(from)) {
            aliases.record(from, to);
        }
    }

    private void rename(TemplateCluster c, Signature next) {
        release(c.signature.id());
        c.signature = next;
        liveIds.merge(next.id(), 1, Integer::sum);
    }

    private void release(String id) {
        liveIds.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1);
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
        TemplateCluster across = matchAcrossLeadingTokens(tokens);
        if (across != null) {
            return across;
        }
        int[] route = routeFor(tokens);
        TemplateCluster c = file(tokens, route, signatureOf(tokens), 1);
        if (c.wildcards() > 0) {
            absorbMoreSpecific(c);
            absorbLongerSpanned(c);
        }
        last = c;
        compactDictionaryIfBloated();
        return c;
    }

    /**
     * For a line that matched no template of its leaf: a template of another leaf that has
     * {@code <*>} where the line's leading tokens differ, or, once enough templates differ only
     * in their leading tokens, the one template they merge into, filed under the {@code <*>}
     * branch; null when neither.
     */
    private TemplateCluster matchAcrossLeadingTokens(int[] tokens) {
        int n = tokens.length;
        int depth = Math.min(n, config.leadingTokens());
        // a short tail says too little: the line's own words must outnumber its leading ones
        if (depth == 0 || n - depth < Math.max(MIN_SPAN_CONSTANTS, depth) || constantsFrom(tokens, depth) < MIN_SPAN_CONSTANTS) {
            return null;
        }
        List<TemplateCluster> sameTail = byTail.get(tailKey(tokens));
        if (sameTail == null) {
            return null;
        }
        siblings.clear();
        // the most recently filed few: a bounded look, however many share the tail
        for (int k = sameTail.size() - 1; k >= Math.max(0, sameTail.size() - MAX_SAME_TAIL); k--) {
            TemplateCluster c = sameTail.get(k);
            if (c.tokens.length != n || !sameFrom(c.tokens, tokens, depth)) {
                continue;
            }
            if (covers(Arrays.copyOf(c.tokens, depth), Arrays.copyOf(tokens, depth))) {
                return seen(c, 1);
            }
            siblings.add(c);
        }
        // a leading word is more often a verb or a state (Starting, Stopping, Restarting) than a
        // name: it takes more distinct values than a word inside the line to become a parameter
        if (siblings.size() + 1 < config.distinctValuesToGeneralise() + EXTRA_LEADING_VALUES) {
            return null;
        }
        int[] merged = Arrays.copyOf(tokens, n);
        long lines = 1;
        for (TemplateCluster s : siblings) {
            lines += s.count;
            for (int i = 0; i < depth; i++) {
                if (s.tokens[i] != merged[i]) {
                    merged[i] = TokenDictionary.WILDCARD_ID;
                }
            }
        }
        int varied = 0;
        for (int i = 0; i < depth; i++) {
            if (merged[i] == TokenDictionary.WILDCARD_ID && tokens[i] != TokenDictionary.WILDCARD_ID) {
                varied++;
            }
        }
        // one leading word that varies is a parameter; all of them varying is another message
        if (varied > 1) {
            return null;
        }
        List<TemplateCluster> folded = new ArrayList<>(siblings);
        for (TemplateCluster s : folded) {
            remove(s);
        }
        TemplateCluster general = file(merged, routeFor(merged), signatureOf(merged), lines);
        for (TemplateCluster s : folded) {
            retire(s.signature.id(), general.signature.id());
            general.absorb(s.signature.id(), s.formerIds);
        }
        absorbMoreSpecific(general);
        absorbLongerSpanned(general);
        last = general;
        return general;
    }

    private static int constantsFrom(int[] tokens, int from) {
        int constants = 0;
        for (int i = from; i < tokens.length; i++) {
            if (tokens[i] != TokenDictionary.WILDCARD_ID) {
                constants++;
            }
        }
        return constants;
    }

    private static boolean sameFrom(int[] a, int[] b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
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
        indexTail(c);
        liveIds.merge(signature.id(), 1, Integer::sum);
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
        unindexTail(c);
        release(c.signature.id());
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

    /**
     * The signature of a template: its tokens with every run of {@code <*>} written as one, so
     * that templates of different lengths that differ only in how many tokens a value took
     * ({@code for <*> failed}, {@code for <*> <*> failed}) share one signature and id, each
     * still filed under its own length to match the lines of that length.
     */
    private Signature signatureOf(int[] tokens) {
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
            liveIds.clear();
            byTail.clear();
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
            file(tokens, route, signatureOf(tokens), t.count());
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
