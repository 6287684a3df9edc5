package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.patterns.library.PatternLoader;
import dev.vigil.patterns.text.LiteralIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scan of an ASCII message by the standard library's literals ({@code scanAscii}, which reads
 * the text as it is) finds what the automaton finds in the lowered text, line by line of real logs.
 */
class LibraryLiteralScanTest {
    /** Loghub's 2k-line samples (github.com/logpai/loghub), where the machine has them; never copied here. */
    private static final Path LOGHUB = Path.of("/work/shared/eval/loghub-2k");

    @Test
    void shouldFindWhatTheAutomatonFindsInTheLibrarysOwnLines() throws IOException {
        PatternLoader.Result library = PatternLoader.loadLibrary();
        LiteralIndex index = library.patterns().literalIndex();
        List<String> lines = new ArrayList<>();
        // the pattern files hold every literal (and their test lines); the fixture is seed-002's app log
        library.sources().values().forEach(text -> lines.addAll(text.lines().toList()));
        lines.addAll(resourceLines("vigil/library/fixtures/seed-002-assigner-errors.log"));

        int found = assertSameScans(index, lines);

        assertTrue(found > 100, "lines with a literal: " + found);
    }

    @Test
    void shouldFindWhatTheAutomatonFindsInLoghubLines() throws IOException {
        assumeTrue(Files.isDirectory(LOGHUB), "skipped: no Loghub samples at " + LOGHUB);
        LiteralIndex index = PatternLoader.loadLibrary().patterns().literalIndex();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(LOGHUB)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.ISO_8859_1));
            }
        }

        int found = assertSameScans(index, lines);

        assertTrue(found > 100, "lines with a literal: " + found);
    }

    /** Each line, and each line upper-cased, scanned both ways; the number of lines with a literal found. */
    private static int assertSameScans(LiteralIndex index, List<String> lines) {
        int found = 0;
        for (String line : lines) {
            for (String text : List.of(line, line.toUpperCase(Locale.ROOT))) {
                BitSet expected = index.scan(text.toLowerCase(Locale.ROOT));
                if (text.chars().allMatch(c -> c < 128)) {
                    BitSet hits = index.scanAscii(text);
                    assertNotNull(hits, text);
                    assertEquals(expected, hits, text);
                } else {
                    assertNull(index.scanAscii(text), text);
                }
                found += expected.isEmpty() ? 0 : 1;
            }
        }
        return found;
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = LibraryLiteralScanTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
