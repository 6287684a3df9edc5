package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.replay.PatternTestRunner;
import dev.vigil.patterns.compile.PatternSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** Runs the tests of a pattern set and prints PASS/FAIL per test: {@code patterns test} and {@code patterns push} alike. */
final class PatternTests {
    private PatternTests() {}

    /** Runs every test of {@code set}, prints each verdict and a total to {@code out}; the number that failed. */
    static long run(PatternSet set, PrintWriter out) throws IOException {
        List<PatternTestRunner.Outcome> outcomes = new PatternTestRunner().runAll(set);
        long failed = 0;
        String current = null;
        for (PatternTestRunner.Outcome o : outcomes) {
            if (!o.pattern().name().equals(current)) {
                current = o.pattern().name();
                out.println(current + " (" + o.pattern().path() + ")");
            }
            out.print("  " + o.verdict().report().replace("\n  ", "\n    "));
            failed += o.passed() ? 0 : 1;
        }
        out.printf("%d test(s), %d passed, %d failed%n", outcomes.size(), outcomes.size() - failed, failed);
        out.flush();
        return failed;
    }
}
