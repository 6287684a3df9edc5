package dev.vigil.analyzer.replay;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.testing.ObservedIncident;
import dev.vigil.patterns.testing.TestCase;
import dev.vigil.patterns.testing.TestVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code test} cases beside each pattern through the analyzer's topology (offline) and
 * compares the last state of the pattern's incidents with what each test expects.
 */
public final class PatternTestRunner {
    /** One test's verdict, and the incidents (last states) the pattern produced. */
    public record Outcome(CompiledPattern pattern, TestVerdict verdict, List<Incident> got) {
        public boolean passed() {
            return verdict.passed();
        }
    }

    /** Runs every test of every pattern in the set. */
    public List<Outcome> runAll(PatternSet set) {
        List<Outcome> out = new ArrayList<>();
        for (CompiledPattern p : set.patterns()) {
            for (TestCase t : p.tests()) {
                out.add(run(p, t));
            }
        }
        return out;
    }

    /**
     * Runs one test of one pattern, with only that pattern loaded; a signature pattern taken from a
     * set still leaves the lines that set's other patterns claim, as it does when it runs.
     */
    public Outcome run(CompiledPattern p, TestCase test) {
        List<Incident> got;
        try (OfflineAnalyzer analyzer = new OfflineAnalyzer(new PatternSet(List.of(p)))) {
            List<Event> events = test.events(TestCase.DEFAULT_START);
            events.forEach(analyzer::feed);
            got = analyzer.finish().stream().filter(i -> i.pattern().equals(p.name())).toList();
        }
        return new Outcome(p, TestVerdict.of(test, got.stream().map(PatternTestRunner::observed).toList()), got);
    }

    /** What a test compares of an incident. */
    static ObservedIncident observed(Incident i) {
        return new ObservedIncident(i.type(), i.subject() == null ? "" : i.subject(), i.count(), i.summary(),
                i.cause() == null ? "" : i.cause(), i.labels());
    }
}
