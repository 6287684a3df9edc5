package dev.vigil.analyzer.signature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grouping Accuracy of the miner on the Loghub-2k messages taken as given (the {@code Content}
 * column, as {@code vigil signatures --raw --lines} sees it), and an honest estimate of how it
 * does on logs nobody tuned for: for every way of splitting the eight datasets into four to tune
 * on and four to score on (70 splits), the candidate configuration with the best average on the
 * tuning four is scored on the other four.
 */
final class LeaveOutEval {

    /** The candidates a split may choose from: the default and its neighbours. */
    static List<MinerConfig> candidates() {
        List<MinerConfig> out = new ArrayList<>();
        MinerConfig d = MinerConfig.defaults();
        for (double similarity : new double[] {0.4, 0.5, 0.6, 0.7}) {
            for (int distinct : new int[] {2, 3, 4}) {
                for (int leading : new int[] {1, 2, 3}) {
                    out.add(new MinerConfig(d.maxTemplates(), similarity, leading, d.maxChildren(), distinct,
                            d.maxAliases()));
                }
            }
        }
        return out;
    }

    /** One split: the datasets tuned on, the configuration they chose and its score on the rest. */
    record Split(List<LoghubCorpus.Dataset> tuned, List<LoghubCorpus.Dataset> scored, MinerConfig chosen,
            double tunedGa, double scoredGa, double defaultScoredGa) {
    }

    private final LoghubCorpus corpus;
    private final Map<LoghubCorpus.Dataset, List<String>> contents = new EnumMap<>(LoghubCorpus.Dataset.class);
    private final Map<LoghubCorpus.Dataset, List<String>> truths = new EnumMap<>(LoghubCorpus.Dataset.class);

    LeaveOutEval(LoghubCorpus corpus) throws IOException {
        this.corpus = corpus;
        for (LoghubCorpus.Dataset d : LoghubCorpus.Dataset.values()) {
            contents.put(d, corpus.contents(d));
            truths.put(d, corpus.truthTemplates(d));
        }
    }

    /** GA of one configuration on one dataset's messages. */
    double ga(MinerConfig config, LoghubCorpus.Dataset d) {
        return GroupingAccuracy.of(truths.get(d), predictedIds(config, contents.get(d)));
    }

    /** Each message's signature id, followed through aliases once the whole sample is mined. */
    static List<String> predictedIds(MinerConfig config, List<String> messages) {
        TemplateMiner miner = new TemplateMiner(config);
        List<String> ids = new ArrayList<>(messages.size());
        for (String m : messages) {
            ids.add(m.isBlank() ? "" : miner.add(m).id());
        }
        List<String> current = new ArrayList<>(ids.size());
        for (String id : ids) {
            current.add(id.isEmpty() ? id : miner.currentId(id));
        }
        return current;
    }

    /** All 70 four-against-four splits. */
    List<Split> splits() {
        List<MinerConfig> configs = candidates();
        LoghubCorpus.Dataset[] all = LoghubCorpus.Dataset.values();
        double[][] scores = new double[configs.size()][all.length];
        for (int c = 0; c < configs.size(); c++) {
            for (int d = 0; d < all.length; d++) {
                scores[c][d] = ga(configs.get(c), all[d]);
            }
        }
        double[] defaults = new double[all.length];
        for (int d = 0; d < all.length; d++) {
            defaults[d] = ga(MinerConfig.defaults(), all[d]);
        }
        List<Split> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            if (Integer.bitCount(mask) != all.length / 2) {
                continue;
            }
            int best = 0;
            double bestTuned = -1;
            for (int c = 0; c < configs.size(); c++) {
                double tuned = mean(scores[c], mask, true);
                if (tuned > bestTuned + 1e-12) {
                    best = c;
                    bestTuned = tuned;
                }
            }
            List<LoghubCorpus.Dataset> tuned = new ArrayList<>();
            List<LoghubCorpus.Dataset> scored = new ArrayList<>();
            for (int d = 0; d < all.length; d++) {
                ((mask & (1 << d)) != 0 ? tuned : scored).add(all[d]);
            }
            out.add(new Split(tuned, scored, configs.get(best), bestTuned, mean(scores[best], mask, false),
                    mean(defaults, mask, false)));
        }
        return out;
    }

    private static double mean(double[] values, int mask, boolean inMask) {
        double sum = 0;
        int n = 0;
        for (int d = 0; d < values.length; d++) {
            if (((mask & (1 << d)) != 0) == inMask) {
                sum += values[d];
                n++;
            }
        }
        return sum / n;
    }

    static String describe(MinerConfig c) {
        return String.format(Locale.ROOT, "sim %.1f, leading %d, distinct %d", c.similarityThreshold(),
                c.leadingTokens(), c.distinctValuesToGeneralise());
    }

    static String names(List<LoghubCorpus.Dataset> ds) {
        List<String> out = new ArrayList<>();
        for (LoghubCorpus.Dataset d : ds) {
            out.add(d.dirName);
        }
        return String.join(" ", out);
    }

    LoghubCorpus corpus() {
        return corpus;
    }
}
