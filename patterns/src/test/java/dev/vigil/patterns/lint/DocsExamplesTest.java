package dev.vigil.patterns.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.lang.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/patterns.md stays true: its complete examples compile and its lint output is the linter's. */
class DocsExamplesTest {
    private static final Path DOC = Path.of("../docs/patterns.md");
    private static final Pattern VIGIL_BLOCK = Pattern.compile("```vigil\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PLAIN_BLOCK = Pattern.compile("```\n(crashloop\\.vigil:.*?)```", Pattern.DOTALL);

    private static List<String> vigilBlocks(String doc) {
        List<String> blocks = new ArrayList<>();
        Matcher m = VIGIL_BLOCK.matcher(doc);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void shouldCompileEveryCompletePatternInTheDocs() throws IOException {
        List<String> complete = vigilBlocks(Files.readString(DOC, StandardCharsets.UTF_8)).stream()
                .filter(b -> b.lines().anyMatch(l -> l.startsWith("pattern ")))
                .filter(b -> !b.contains("pattern crashloop"))
                .toList();

        assertTrue(complete.size() >= 6, "examples found: " + complete.size());
        for (String block : complete) {
            List<Diagnostic> errors = PatternLinter.lint("doc.vigil", block).diagnostics().stream()
                    .filter(Diagnostic::isError).toList();
            assertEquals(List.of(), errors, block);
        }
    }

    @Test
    void shouldShowTheLintersOwnOutputForTheBrokenExample() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String broken = vigilBlocks(doc).stream().filter(b -> b.contains("pattern crashloop")).findFirst().orElseThrow();
        Matcher shown = PLAIN_BLOCK.matcher(doc);
        assertTrue(shown.find());

        assertEquals(shown.group(1), PatternLinter.lint("crashloop.vigil", broken).render());
    }
}
