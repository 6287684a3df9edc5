package dev.vigil.analyzer.replay;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.testing.ExpectedIncident;
import dev.vigil.patterns.testing.TestCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the {@code test} cases beside each pattern through the analyzer's topology (offline) and
 * compares the last state of the pattern's incidents with what each test expects.
 */
public final class PatternTestRunner {
    private final Path scratch;

    /** @param scratch folder for the offline analyzer's state; emptied after each test */
    public PatternTestRunner(Path scratch) {
        this.scratch = scratch;
    }

    /** One test's outcome: the mismatches (empty when it passed) and what the pattern produced. */
    public record Outcome(CompiledPattern pattern, TestCase test, List<String> failures, List<Incident> got) {
        public boolean passed() {
            return failures.isEmpty();
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

    /** Runs one test of one pattern, with only that pattern loaded. */
    public Outcome run(CompiledPattern p, TestCase test) {
        List<Incident> got;
        Path dir = scratch.resolve("test-" + Integer.toHexString((p.name() + test.name()).hashCode()));
        try (OfflineAnalyzer analyzer = new OfflineAnalyzer(new PatternSet(List.of(p)), dir)) {
            List<Event> events = test.events(TestCase.DEFAULT_START);
            events.forEach(analyzer::feed);
            got = analyzer.finish().stream().filter(i -> i.pattern().equals(p.name())).toList();
        } finally {
            deleteRecursively(dir);
        }
        return new Outcome(p, test, compare(test, got), got);
    }

    static List<String> compare(TestCase test, List<Incident> got) {
        List<String> failures = new ArrayList<>();
        if (test.expectNone() && !got.isEmpty()) {
            failures.add("expected no incident, got " + got.size());
        }
        for (ExpectedIncident e : test.expected()) {
            if (got.stream().noneMatch(i -> satisfies(i, e))) {
                failures.add("line " + e.line() + ": no incident matches: " + e.describe());
            }
        }
        return failures;
    }

    static boolean satisfies(Incident i, ExpectedIncident e) {
        return i.type().equals(e.type())
                && e.subject().map(s -> s.equals(i.subject())).orElse(true)
                && (e.count().isEmpty() || e.count().getAsLong() == i.count())
                && e.summaryContains().map(s -> i.summary().contains(s)).orElse(true)
                && e.causeContains().map(s -> i.evidence().stream().anyMatch(ev -> ev.message().contains(s))).orElse(true);
    }

    /** How an incident reads in a failure report. */
    public static String describe(Incident i) {
        return i.type() + " subject \"" + i.subject() + "\" count " + i.count() + " " + i.status().name().toLowerCase()
                + " summary \"" + i.summary() + "\"";
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + dir, e);
        }
    }
}
