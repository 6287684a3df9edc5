package dev.vigil.analyzer.topology;

import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.library.PatternLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

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

    /** The text of the user's pattern files by file name (folders give their {@code *.vigil} files). */
    public static Map<String, String> readByName(List<Path> userPaths) {
        Map<String, String> out = new TreeMap<>();
        for (Path p : userPaths) {
            try (Stream<Path> s = Files.isDirectory(p) ? Files.walk(p) : Stream.of(p)) {
                for (Path f : s.filter(f -> Files.isRegularFile(f) && (f.equals(p) || f.toString().endsWith(".vigil"))).toList()) {
                    out.put(f.getFileName().toString(), Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read pattern file " + p, e);
            }
        }
        return out;
    }
}
