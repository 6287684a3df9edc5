package dev.vigil.analyzer.signature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * turn the miner into a value and back; {@link #drainChanges()} tells which templates and
 * aliases changed since it was last asked, so a changelogged store keeps one record per
 * template ({@link MinerRecords}) and rewrites only those. The templates, the tree and the
 * indexes that find them live in a {@link TemplateIndex}; this class decides where a line goes.
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

    /** Below this many tokens the dictionary is never compacted: rebuilding costs more than it frees. */
    private static final int DICTIONARY_FLOOR = 65_536;

    private final MinerConfig config;
    private final MaskingTokenizer tokenizer = new MaskingTokenizer();
    private final TemplateIndex index;
    private final LineRow line;
    private final List<TemplateCluster> siblings = new ArrayList<>();
    private TemplateCluster last;

    /** An empty miner. */
    public TemplateMiner(MinerConfig config) {
        this(config, DICTIONARY_FLOOR);
    }

    /** An empty miner that compacts its dictionary above {@code dictionaryFloor} tokens. */
    TemplateMiner(MinerConfig config, int dictionaryFloor) {
        this.config = Objects.requireNonNull(config, "config");
        this.index = new TemplateIndex(config, dictionaryFloor);
        this.line = new LineRow(config, index);
    }

    /** A miner holding the templates and aliases of a {@link #snapshot()}. */
    public static TemplateMiner restore(MinerConfig config, TemplateMinerState state) {
        TemplateMiner miner = new TemplateMiner(config, DICTIONARY_FLOOR);
        miner.index.restore(state);
        return miner;
    }

    /** Mines one message (header already stripped) and returns its current signature. */
    public Signature add(CharSequence message) {
        last = null;
        tokenizer.tokenise(message);
        long hash = tokenizer.maskedHash();
        TemplateCluster cached = index.recent.find(hash, tokenizer.chars(), tokenizer.maskedLength());
        if (cached != null) {
            return seen(cached, 1).signature;
        }
        int n = tokenizer.count();
        line.lookUp(tokenizer, n);
        ParseTreeNode leaf = line.findLeaf(n);
        TemplateCluster best = leaf == null ? null : line.bestMatch(leaf, n);
        if (best == null) {
            TemplateCluster shorter = shorterTemplateSpanning(n);
            if (shorter != null) {
                index.recent.remember(hash, tokenizer.chars(), tokenizer.maskedLength(), shorter);
                return seen(shorter, 1).signature;
            }
            return createCluster(n).signature;
        }
        if (line.markDifferences(best, n) == 0) {
            index.recent.remember(hash, tokenizer.chars(), tokenizer.maskedLength(), best);
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
        return index.resolve(id);
    }

    /** Number of templates held. */
    public int templateCount() {
        return index.templateCount();
    }

    /** Tokens the dictionary holds, live or left over from evicted templates. */
    int dictionarySize() {
        return index.dictionarySize();
    }

    /** The templates held with their line counts, most frequent first. */
    public List<TemplateCount> templates() {
        return index.templates();
    }

    /** The templates (least recently seen first) and aliases, as a value. */
    public TemplateMinerState snapshot() {
        return index.snapshot();
    }

    /**
     * The templates and aliases that changed since the last call (or since the miner was
     * restored): what a store that keeps one record per template must write or delete.
     */
    public MinerChanges drainChanges() {
        return index.drainChanges();
    }

    /**
     * A template up to {@value #MAX_SPAN_EXTRA} tokens shorter than the line that it matches
     * exactly once one of its {@code <*>} takes several tokens of the line: a value that is
     * sometimes a word and sometimes masked ({@code ns.example.com [10.0.0.1]} against
     * {@code [10.0.0.2]}) or that spans a varying number of words.
     */
    private TemplateCluster shorterTemplateSpanning(int n) {
        for (int extra = 1; extra <= MAX_SPAN_EXTRA && extra < n; extra++) {
            ParseTreeNode leaf = line.findLeaf(n - extra, n);
            if (leaf == null) {
                continue;
            }
            for (TemplateCluster c : leaf.clusters) {
                if (TokenRows.spans(c.tokens, line.ids, n)) {
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
            ParseTreeNode leaf = index.leafFor(m + extra, general.tokens);
            if (leaf == null) {
                continue;
            }
            for (TemplateCluster c : leaf.clusters) {
                if (TokenRows.spans(general.tokens, c.tokens, m + extra)) {
                    siblings.add(c);
                }
            }
        }
        foldSiblingsInto(general);
    }

    private TemplateCluster generaliseOrAdd(ParseTreeNode leaf, TemplateCluster best, int n) {
        siblings.clear();
        for (TemplateCluster c : leaf.clusters) {
            if (c != best && TokenRows.agreesOutsideDifferences(c.tokens, line.ids, line.differs, n)) {
                siblings.add(c);
            }
        }
        if (siblings.size() + 2 < config.distinctValuesToGeneralise()) {
            return createCluster(n);
        }
        int[] merged = TokenRows.generalisedTokens(best.tokens, line.differs, n);
        long lines = 1;
        for (TemplateCluster s : siblings) {
            lines += s.count;
            for (int i = 0; i < n; i++) {
                if (s.tokens[i] == TokenDictionary.WILDCARD_ID) {
                    merged[i] = TokenDictionary.WILDCARD_ID;
                }
            }
        }
        Signature next = index.signatureOf(merged);
        for (TemplateCluster s : siblings) {
            index.remove(s);
        }
        Signature before = best.signature;
        index.retokenise(best, merged);
        index.rename(best, next);
        for (TemplateCluster s : siblings) {
            index.retire(s.signature.id(), next.id());
        }
        index.retire(before.id(), next.id());
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
            if (c != general && TokenRows.covers(general.tokens, c.tokens)) {
                siblings.add(c);
            }
        }
        foldSiblingsInto(general);
    }

    /** Removes the templates in {@link #siblings} and counts their lines, and ids, under {@code general}. */
    private void foldSiblingsInto(TemplateCluster general) {
        for (TemplateCluster c : siblings) {
            index.remove(c);
            index.retire(c.signature.id(), general.signature.id());
            general.absorb(c.signature.id(), c.formerIds);
            index.addLines(general, c.count);
        }
    }

    private TemplateCluster createCluster(int n) {
        int[] tokens = new int[n];
        char[] chars = tokenizer.chars();
        for (int i = 0; i < n; i++) {
            tokens[i] = line.ids[i] >= 0 ? line.ids[i]
                    : index.intern(chars, tokenizer.start(i), tokenizer.end(i), tokenizer.hash(i));
        }
        TemplateCluster across = matchAcrossLeadingTokens(tokens);
        if (across != null) {
            return across;
        }
        int[] route = index.routeFor(tokens);
        TemplateCluster c = index.file(tokens, route, index.signatureOf(tokens), 1);
        if (c.wildcards() > 0) {
            absorbMoreSpecific(c);
            absorbLongerSpanned(c);
        }
        last = c;
        index.compactDictionaryIfBloated();
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
        if (depth == 0 || n - depth < Math.max(TokenRows.MIN_SPAN_CONSTANTS, depth) || TokenRows.constantsFrom(tokens, depth) < TokenRows.MIN_SPAN_CONSTANTS) {
            return null;
        }
        List<TemplateCluster> sameTail = index.sameTail(tokens);
        if (sameTail == null) {
            return null;
        }
        siblings.clear();
        // the most recently filed few: a bounded look, however many share the tail
        for (int k = sameTail.size() - 1; k >= Math.max(0, sameTail.size() - MAX_SAME_TAIL); k--) {
            TemplateCluster c = sameTail.get(k);
            if (c.tokens.length != n || !TokenRows.sameFrom(c.tokens, tokens, depth)) {
                continue;
            }
            if (TokenRows.covers(Arrays.copyOf(c.tokens, depth), Arrays.copyOf(tokens, depth))) {
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
            index.remove(s);
        }
        TemplateCluster general = index.file(merged, index.routeFor(merged), index.signatureOf(merged), lines);
        for (TemplateCluster s : folded) {
            index.retire(s.signature.id(), general.signature.id());
            general.absorb(s.signature.id(), s.formerIds);
        }
        absorbMoreSpecific(general);
        absorbLongerSpanned(general);
        last = general;
        return general;
    }

    private TemplateCluster seen(TemplateCluster c, long lines) {
        last = c;
        return index.seen(c, lines);
    }

}
