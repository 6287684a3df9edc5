package dev.vigil.analyzer.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.PatternCompiler;
import dev.vigil.patterns.compile.TestFixtures;
import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lang.PatternParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand damaged copies of the standard library's pattern files (spans cut, doubled or
 * swapped, random characters, a file cut short) through the parser and compiler, as lint and the
 * reloader run them: each either compiles or is refused with diagnostics that name a line, and
 * none throws.
 */
class PatternFilesFuzzTest {
    private static final List<String> LIBRARY = List.of("kernel.vigil", "systemd.vigil", "app.vigil", "supervisors.vigil",
            "streams.vigil", "resources.vigil");
    private static final int FILES = 10_000;

    @Test
    void shouldRefuseEveryDamagedPatternFileWithDiagnosticsAndNeverThrow() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : LIBRARY) {
            try (InputStream in = getClass().getResourceAsStream("/vigil/library/" + name)) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Random random = new Random(2);
        int[] refused = {0};
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (int n = 0; n < FILES; n++) {
                String damaged = damage(texts.get(n % texts.size()), random);
                String path = "fuzz-" + n + ".vigil";
                List<Diagnostic> errors = errors(path, damaged);
                if (!errors.isEmpty()) {
                    refused[0]++;
                    for (Diagnostic d : errors) {
                        assertTrue(d.line() >= 1, "a line for " + d);
                        assertFalse(d.message().isBlank(), "a reason for " + d);
                    }
                }
            }
        });
        System.out.println("pattern files fuzzed=" + FILES + " refused with diagnostics=" + refused[0]);
        assertTrue(refused[0] > FILES / 2, "most damage is an error: " + refused[0]);
        assertEquals(List.of(), errors("kernel.vigil", texts.get(0)), "the undamaged file compiles");
    }

    private static List<Diagnostic> errors(String path, String text) {
        PatternParser.Result parsed = PatternParser.parse(path, text);
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        if (!parsed.hasErrors()) {
            all.addAll(PatternCompiler.compile(parsed.file(), TestFixtures.BESIDE_PATTERN_FILE).diagnostics());
        }
        return all.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    private static String damage(String text, Random random) {
        int a = random.nextInt(text.length());
        int b = Math.min(text.length(), a + 1 + random.nextInt(80));
        return switch (random.nextInt(5)) {
            case 0 -> text.substring(0, a) + text.substring(b);
            case 1 -> text.substring(0, b) + text.substring(a, b) + text.substring(b);
            case 2 -> text.substring(0, a) + randomChars(random) + text.substring(a);
            case 3 -> text.substring(0, a);
            default -> {
                int c = random.nextInt(text.length());
                int d = Math.min(text.length(), c + 1 + random.nextInt(80));
                yield a < c && b <= c ? text.substring(0, a) + text.substring(c, d) + text.substring(b, c)
                        + text.substring(a, b) + text.substring(d) : text.substring(0, a) + "}" + text.substring(a);
            }
        };
    }

    private static String randomChars(Random random) {
        String alphabet = "{}()[]/\\\"'~=<>!|&*+?.,:;#@$%^ \n\tabcxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
