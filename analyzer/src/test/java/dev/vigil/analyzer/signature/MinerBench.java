package dev.vigil.analyzer.signature;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the template miner on the Loghub-2k samples (headers stripped, the eight
 * datasets concatenated and repeated), one thread, beside a baseline that only splits each
 * line on whitespace and hashes the tokens. Run by {@code bench/signatures/run}.
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
