package dev.vigil.patterns.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the files a test's {@code lines from "…"} names, relative to the pattern file. */
@FunctionalInterface
public interface TestFixtures {
    /**
     * Files on disk, next to the pattern file. Bytes that are not UTF-8 become U+FFFD, as the
     * shippers send such a line: a real log's lines are tested as Vigil would see them.
     */
    TestFixtures BESIDE_PATTERN_FILE = (patternPath, reference) -> {
        Path parent = Path.of(patternPath).toAbsolutePath().getParent();
        return new String(Files.readAllBytes(parent.resolve(reference)), StandardCharsets.UTF_8);
    };

    /** Reads nothing: for pattern sets that are run, not tested (their tests get no file lines). */
    TestFixtures NOT_READ = (patternPath, reference) -> "";

    /** The text of {@code reference} as named in the pattern file {@code patternPath}. */
    String read(String patternPath, String reference) throws IOException;
}
