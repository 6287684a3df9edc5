package dev.vigil.analyzer.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the scenario inputs live: {@code scenarios/} at the repository root. */
final class Scenarios {

    private Scenarios() {}

    /** The {@code scenarios/} directory, found from the module directory Maven runs tests in. */
    static Path root() {
        return Stream.of(Path.of("scenarios"), Path.of("..", "scenarios"))
                .map(p -> p.toAbsolutePath().normalize())
                .filter(p -> Files.isRegularFile(p.resolve("generate.py")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "scenarios/ not found from " + Path.of("").toAbsolutePath()));
    }

    /** Every scenario directory (one with an {@code expected.json}), sorted by name. */
    static List<Path> all() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("expected.json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + root(), e);
        }
    }

    /** The scenario whose directory name starts with {@code prefix}, such as {@code "000-"}. */
    static Path named(String prefix) {
        return all().stream().filter(d -> d.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + prefix + "* in " + root()));
    }
}
