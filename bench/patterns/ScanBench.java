import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.library.PatternLoader;
import dev.vigil.patterns.text.LiteralIndex;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Times {@code LiteralIndex.scanAscii} with the standard library's literals (the index
 * {@code PatternSet} scans every event message with) over the lines of a log file: ns per
 * character and per line. A plain loop with warm-up rounds, not JMH. Each line loses its first
 * space-separated fields up to column 20 (the timestamp), roughly what a shipper leaves as the
 * message. {@code small} as second argument times a two-literal index instead.
 */
public class ScanBench {
    private static final int ROUNDS = 15;
    private static final long MIN_CHARS_PER_ROUND = 8_000_000;

    public static void main(String[] args) throws Exception {
        LiteralIndex index = args.length > 1 && args[1].equals("small") ? small() : library();
        List<String> lines = messages(Path.of(args[0]));
        long chars = 0;
        for (String s : lines) {
            chars += s.length();
        }
        // a small file is scanned several times a round, so a round is long enough to time
        int passes = (int) Math.max(1, MIN_CHARS_PER_ROUND / Math.max(1, chars));
        System.out.printf("%s: %d lines, %.1f chars/line, %d passes a round%n",
                args[0], lines.size(), chars / (double) lines.size(), passes);
        double[] perChar = new double[ROUNDS];
        double[] perLine = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long hits = 0;
            long t = System.nanoTime();
            for (int p = 0; p < passes; p++) {
                for (String s : lines) {
                    BitSet b = index.scanAscii(s);
                    hits += b == null ? -1 : b.cardinality();
                }
            }
            long d = System.nanoTime() - t;
            perLine[r] = d / (double) lines.size() / passes;
            perChar[r] = d / (double) chars / passes;
            System.out.printf("round %2d: %7.1f ns/line %6.3f ns/char hits %d%n", r, perLine[r], perChar[r], hits / passes);
        }
        System.out.printf("median of the last 10 rounds: %.1f ns/line %.3f ns/char%n",
                median(perLine), median(perChar));
    }

    private static double median(double[] rounds) {
        double[] last = Arrays.copyOfRange(rounds, ROUNDS - 10, ROUNDS);
        Arrays.sort(last);
        return (last[4] + last[5]) / 2;
    }

    private static LiteralIndex library() throws Exception {
        PatternSet set = PatternLoader.fromSources(PatternLoader.loadLibrary().sources()).patterns();
        Field f = PatternSet.class.getDeclaredField("literals");
        f.setAccessible(true);
        return (LiteralIndex) f.get(set);
    }

    private static LiteralIndex small() {
        BitSet one = new BitSet();
        one.set(1);
        BitSet two = new BitSet();
        two.set(2);
        return LiteralIndex.ignoringAsciiCase(Map.of("error", one, "killed", two));
    }

    private static List<String> messages(Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        try (var r = Files.newBufferedReader(file)) {
            String l;
            while ((l = r.readLine()) != null && lines.size() < 200_000) {
                int i = l.indexOf(' ', 20);
                lines.add(i > 0 ? l.substring(i + 1) : l);
            }
        }
        return lines;
    }
}
