package dev.vigil.patterns.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.lang.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: each {@code lint/NAME.vigil} is linted and the full rendered output must equal
 * {@code lint/NAME.expected}. Each test is named after its file.
 */
class LintGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/lint");

    /** Every code the language reports; each must appear in some golden file. */
    private static final Set<String> CODES = Set.of("syntax", "unknown-field", "bad-regex", "unknown-capture",
            "window-without-bound", "unknown-duration-unit", "missing-duration-unit", "unknown-source",
            "unknown-severity", "missing-clause", "duplicate-clause", "conflicting-clauses", "unknown-step",
            "bad-value", "unknown-condition", "unknown-type", "missing-expectation", "duplicate-pattern", "unreadable-file",
            "expensive-regex", "unbounded-group-key", "never-triggered", "regex-too-complex");

    @TestFactory
    Stream<DynamicTest> shouldRenderExactlyTheExpectedDiagnostics() throws IOException {
        return goldenFiles().stream().map(vigil -> DynamicTest.dynamicTest(vigil.getFileName().toString(), () -> {
            String name = vigil.getFileName().toString();
            String expected = Files.readString(DIR.resolve(name.replace(".vigil", ".expected")), StandardCharsets.UTF_8);

            String actual = PatternLinter.lint(name, Files.readString(vigil, StandardCharsets.UTF_8)).render();

            assertEquals(expected, actual);
        }));
    }

    @Test
    void shouldCoverEveryDiagnosticCodeWithAGoldenFile() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (Path vigil : goldenFiles()) {
            PatternLinter.lint(vigil.toString(), Files.readString(vigil, StandardCharsets.UTF_8)).diagnostics()
                    .stream().map(Diagnostic::code).forEach(seen::add);
        }

        assertEquals(new TreeSet<>(CODES), seen);
    }

    @Test
    void shouldNotReportCapturesOfARegexThatFailedToCompile() {
        // the one mistake is the lookahead; 'victim' is used three times after it
        String text = "pattern p {\n  match kernel where message ~ /Killed (?<victim>\\d+)(?= )/\n"
                + "  group by victim\n  type t\n  subject \"{victim}\"\n  summary \"killed {victim}\"\n}\n";

        List<Diagnostic> diagnostics = PatternLinter.lint("typo.vigil", text).diagnostics();

        assertEquals(List.of("typo.vigil:2:54: error[bad-regex]: bad regex /Killed (?<victim>\\d+)(?= )/: "
                + "invalid or unsupported Perl syntax '(?='"), diagnostics.stream().map(Diagnostic::headline).toList());
    }

    @Test
    void shouldReportAnUnclosedGroupAsABadRegexNotACrash() {
        // an unclosed group or class is a typo a user makes; the prefilter's literal analysis of the
        // regex must leave it to the regex compiler's diagnostic
        for (String regex : List.of("(", "a(b", "x[", "(?:ab", "(?P<n>a")) {
            String text = "pattern p {\n  match kernel where message ~ /" + regex + "/\n  type t\n  summary \"s\"\n}\n";

            List<Diagnostic> diagnostics = PatternLinter.lint("typo.vigil", text).diagnostics();

            assertEquals(List.of("bad-regex"), diagnostics.stream().map(Diagnostic::code).toList(), regex);
        }
    }

    private static List<Path> goldenFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> vigil = files.filter(p -> p.toString().endsWith(".vigil")).sorted().toList();
            assertTrue(vigil.size() > 20, "golden files missing under " + DIR.toAbsolutePath());
            return vigil;
        }
    }
}
