package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.library.PatternLoader;
import dev.vigil.patterns.compile.PatternSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every test beside every standard-library pattern passes through the analyzer's own topology. */
class LibraryPatternTestsTest {
    @Test
    void everyLibraryPatternTestShouldPass() {
        // the library as linted and tested (its tests' lines files read), not as loaded to run
        PatternSet library = PatternLoader.loadLibrary().patterns();
        List<PatternTestRunner.Outcome> outcomes = new PatternTestRunner().runAll(library);

        String failed = outcomes.stream().filter(o -> !o.passed())
                .map(o -> o.pattern().name() + ": " + o.verdict().report())
                .collect(Collectors.joining());
        assertTrue(outcomes.size() >= 20, "the library has tests: " + outcomes.size());
        assertTrue(failed.isEmpty(), failed);
    }
}
