package dev.vigil.analyzer.topology;

import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.library.PatternLoader;
import java.nio.file.Path;
import java.util.List;

/** Loads the standard library plus the user's pattern files, refusing a set with errors. */
public final class PatternFiles {
    private PatternFiles() {}

    /**
     * The compiled set; a file of the same name as a library file replaces it.
     *
     * @throws IllegalArgumentException with every diagnostic rendered, when any is an error
     */
    public static PatternSet load(List<Path> userPaths) {
        PatternLoader.Result result = PatternLoader.load(userPaths);
        if (result.hasErrors()) {
            throw new IllegalArgumentException("pattern files have errors:\n" + result.render());
        }
        return result.patterns();
    }
}
