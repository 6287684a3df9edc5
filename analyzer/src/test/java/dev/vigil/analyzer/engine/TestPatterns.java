package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.library.PatternLoader;
import java.util.Map;

/** A pattern file compiled for an engine test; one that does not compile fails the test with its diagnostics. */
final class TestPatterns {
    private TestPatterns() {}

    /** The patterns of {@code source}, read as the file {@code fileName}. */
    static PatternSet compile(String fileName, String source) {
        PatternLoader.Result r = PatternLoader.fromSources(Map.of(fileName, source));
        assertTrue(!r.hasErrors(), r.render());
        return r.patterns();
    }
}
