package dev.vigil.analyzer.signature;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy and throughput of the template miner, in one run ({@code bench/signatures/run}):
 * <ol>
 *   <li>Grouping Accuracy, default configuration, on each Loghub-2k sample's messages as given
 *       (the {@code Content} column, as {@code vigil signatures --raw --lines} sees it);</li>
 *   <li>the leave-out estimate ({@link LeaveOutEval}): for each of the 70 ways to pick four
 *       samples to tune on, the candidate configuration best on those four, scored on the
 *       other four;</li>
 *   <li>Grouping Accuracy on synthetic lines of the classes of input that split a token-count
 *       tree ({@link FailureClassStress});</li>
 *   <li>throughput on the samples (headers stripped, the eight concatenated and repeated), one
 *       thread, beside a baseline that only splits each line on whitespace and hashes the
 *       tokens.</li>
 * </ol>
 *
 * <p>Arguments: total lines (default 10,000,000), warm-up lines (default 2,000,000).
 */
public final class MinerBench {

    private MinerBench() {
    }

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long warmUp = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        LoghubCorpus corpus = LoghubCorpus.locate().orElse(null);
        if (corpus == null) {
            System.err.println(LoghubCorpus.MISSING);
            System.exit(2);
        }
        accuracy(corpus);
        String[] messages = messages(corpus);
        System.out.printf(Locale.ROOT, "corpus: %d distinct lines from %s, repeated to %,d lines; warm-up %,d lines%n",
                messages.length, corpus.root(), total, warmUp);
        time(messages, warmUp, MinerBench::tokeniseAndHash);
        time(messages, warmUp, new MinerRun());
        System.out.printf(Locale.ROOT, "%-22s %14s %10s %14s %10s %10s%n", "run", "lines/s", "total s",
                "lines/cpu-s", "cpu s", "checksum");
        print("tokenise+hash baseline", time(messages, total, MinerBench::tokeniseAndHash), total);
        MinerRun miner = new MinerRun();
        print("template miner", time(messages, total, miner), total);
        System.out.printf(Locale.ROOT, "templates held at the end: %d%n", miner.miner.templateCount());
    }

    private static void accuracy(LoghubCorpus corpus) throws Exception {
        LeaveOutEval eval = new LeaveOutEval(corpus);
        System.out.println("Grouping Accuracy, default configuration, messages as given (--raw):");
        double sum = 0;
        for (LoghubCorpus.Dataset d : LoghubCorpus.Dataset.values()) {
            double ga = eval.ga(MinerConfig.defaults(), d);
            sum += ga;
            System.out.printf(Locale.ROOT, "  %-10s %.4f%n", d.dirName, ga);
        }
        System.out.printf(Locale.ROOT, "  %-10s %.4f%n", "average", sum / LoghubCorpus.Dataset.values().length);
        System.out.printf(Locale.ROOT, "Leave-out: %d candidate configurations; tune on four, score on the other four%n",
                LeaveOutEval.candidates().size());
        System.out.printf(Locale.ROOT, "  %-42s %-34s %8s %8s %8s%n", "tuned on", "chose", "tuned", "scored",
                "default");
        double scoredSum = 0;
        double worst = 1;
        double defaultSum = 0;
        double defaultWorst = 1;
        List<LeaveOutEval.Split> splits = eval.splits();
        for (LeaveOutEval.Split s : splits) {
            System.out.printf(Locale.ROOT, "  %-42s %-34s %8.4f %8.4f %8.4f%n", LeaveOutEval.names(s.tuned()),
                    LeaveOutEval.describe(s.chosen()), s.tunedGa(), s.scoredGa(), s.defaultScoredGa());
            scoredSum += s.scoredGa();
            worst = Math.min(worst, s.scoredGa());
            defaultSum += s.defaultScoredGa();
            defaultWorst = Math.min(defaultWorst, s.defaultScoredGa());
        }
        System.out.printf(Locale.ROOT, "  left-out four, chosen configuration: mean %.4f, worst split %.4f%n",
                scoredSum / splits.size(), worst);
        System.out.printf(Locale.ROOT, "  left-out four, default configuration: mean %.4f, worst split %.4f%n",
                defaultSum / splits.size(), defaultWorst);
        List<String> truth = new ArrayList<>();
        List<String> stress = new ArrayList<>();
        for (FailureClassStress.Labelled l : FailureClassStress.lines(1, 20_000)) {
            truth.add(l.template());
            stress.add(l.line());
        }
        System.out.printf(Locale.ROOT, "Failure-class stress lines (20,000, synthetic): GA %.4f%n",
                GroupingAccuracy.of(truth, LeaveOutEval.predictedIds(MinerConfig.defaults(), stress)));
    }

    private static String[] messages(LoghubCorpus corpus) throws Exception {
        List<String> out = new ArrayList<>();
        for (LoghubCorpus.Dataset d : LoghubCorpus.Dataset.values()) {
            for (String line : corpus.rawLines(d)) {
                String content = d.format.content(line);
                out.add(content == null ? line : content);
            }
        }
        return out.toArray(new String[0]);
    }

    private interface LineTask {
        long apply(String line);
    }

    private static final class MinerRun implements LineTask {
        final TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());

        @Override
        public long apply(String line) {
            return miner.add(line).id().hashCode();
        }
    }

    /** Splits on whitespace and hashes every token: the floor any miner has to pay. */
    private static long tokeniseAndHash(String line) {
        long h = 0;
        int tokenHash = 0;
        boolean inToken = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inToken) {
                    h = h * 31 + tokenHash;
                    inToken = false;
                }
            } else {
                tokenHash = inToken ? tokenHash * 31 + c : c;
                inToken = true;
            }
        }
        return inToken ? h * 31 + tokenHash : h;
    }

    /** Wall-clock and thread CPU time: on a shared machine the second shows what waiting for a core hid. */
    private record Timing(long nanos, long cpuNanos, long checksum) {
    }

    private static Timing time(String[] messages, long lines, LineTask task) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long checksum = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int i = 0;
        for (long n = 0; n < lines; n++) {
            checksum += task.apply(messages[i]);
            if (++i == messages.length) {
                i = 0;
            }
        }
        long nanos = System.nanoTime() - start;
        return new Timing(nanos, threads.getCurrentThreadCpuTime() - cpuStart, checksum);
    }

    private static void print(String name, Timing t, long lines) {
        double seconds = t.nanos() / 1e9;
        double cpuSeconds = t.cpuNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%-22s %,14.0f %10.2f %,14.0f %10.2f %10x%n", name, lines / seconds, seconds,
                lines / cpuSeconds, cpuSeconds, t.checksum() & 0xffffffffL);
    }
}
