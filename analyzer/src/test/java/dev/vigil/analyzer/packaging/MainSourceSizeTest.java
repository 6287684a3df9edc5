package dev.vigil.analyzer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of the modules' main sources grows past 400 lines: a class that long does more than one
 * thing, and the next change to it should split it first.
 */
class MainSourceSizeTest {
    private static final int MAX_LINES = 400;

    @Test
    void noMainSourceFileShouldBeLongerThan400Lines() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root, 12)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().matches("[^/]+/src/main/java/.*")).toList();
        }
        assertTrue(sources.size() > 100, "the modules' main sources are found from " + root + ": " + sources.size());
        List<String> tooLong = sources.stream().filter(p -> lines(p) > MAX_LINES)
                .map(p -> root.relativize(p) + " (" + lines(p) + " lines)").sorted().toList();
        assertEquals(List.of(), tooLong, "main sources over " + MAX_LINES + " lines");
    }

    private static long lines(Path p) {
        try (Stream<String> lines = Files.lines(p)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
