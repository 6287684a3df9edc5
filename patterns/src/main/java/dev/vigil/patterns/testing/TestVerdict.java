package dev.vigil.patterns.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a test's incidents are exactly what it expects: each {@code expect} matched by its
 * own incident, and no incident left over ({@code expect none}: no incident at all).
 */
public record TestVerdict(TestCase test, List<String> problems) {
    public TestVerdict {
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /**
     * Compares the last states of the incidents the test's pattern produced with the test.
     * Expectations are matched in order, each to the first unused incident that satisfies it.
     */
    public static TestVerdict of(TestCase test, List<ObservedIncident> observed) {
        List<ObservedIncident> unused = new ArrayList<>(observed);
        List<String> problems = new ArrayList<>();
        for (ExpectedIncident expected : test.expected()) {
            ObservedIncident match = unused.stream().filter(o -> satisfies(o, expected)).findFirst().orElse(null);
            if (match != null) {
                unused.remove(match);
                continue;
            }
            problems.add("line " + expected.line() + ": missing   " + expected.describe());
            unused.stream().filter(o -> o.type().equals(expected.type())).forEach(o ->
                    problems.add("  closest:   " + o.describe()));
        }
        unused.forEach(o -> problems.add("unexpected: " + o.describe()));
        return new TestVerdict(test, problems);
    }

    static boolean satisfies(ObservedIncident o, ExpectedIncident x) {
        return o.type().equals(x.type())
                && x.subject().map(o.subject()::equals).orElse(true)
                && (x.count().isEmpty() || x.count().getAsLong() == o.count())
                && x.summaryContains().map(o.summary()::contains).orElse(true)
                && x.causeContains().map(o.cause()::contains).orElse(true)
                && x.labels().entrySet().stream().allMatch(l -> l.getValue().equals(o.labels().get(l.getKey())));
    }

    /** {@code PASS name} or {@code FAIL path:line name} followed by the problems, indented. */
    public String report() {
        if (passed()) {
            return "PASS " + test.name() + "\n";
        }
        StringBuilder out = new StringBuilder("FAIL " + test.path() + ":" + test.line() + " " + test.name() + "\n");
        problems.forEach(p -> out.append("  ").append(p).append('\n'));
        return out.toString();
    }
}
