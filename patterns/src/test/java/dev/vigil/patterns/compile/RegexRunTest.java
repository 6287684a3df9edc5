package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RegexRunTest {
    /** A regex literal in a pattern file: {@code ~ /source/flags}. */
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("~\\s*/((?:\\\\/|[^/\\n])*)/([ism]*)");
    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile("(?<!\\\\)\\(\\?<(?=[A-Za-z_])");

    /** Shapes the fast paths take apart, and shapes they must leave whole. */
    private static final List<String[]> SHAPES = List.of(
            new String[] {"\\b(?:ERROR|CRITICAL|FATAL)\\b", ""},
            new String[] {"^(\\w+\\.)*\\w*(Error|Exception|Exit)\\b|^Traceback|^panic:|\\b(FATAL|CRITICAL|ERROR)\\b", ""},
            new String[] {"^panic: (?<detail>.+)$", "m"},
            new String[] {"\\bERROR|WARN\\b|\\(x\\)", ""},
            new String[] {"\\b: error\\b", ""},
            new String[] {"(?i)^stopped|exiting", ""},
            new String[] {"^?abc|d", ""},
            new String[] {"\\Aerror|fail", ""},
            new String[] {"^Traceback|^  File", "m"},
            new String[] {"^(?:(?<unit>\\S+): )?Scheduled restart job", ""},
            new String[] {"error", "i"},
            new String[] {"^(?<word>\\w+)$", "m"},
            new String[] {"^a\\s+b$", "m"},
            new String[] {"^[^x]+$", "m"},
            new String[] {"^(?<first>\\S+) (?<rest>.*)$|^panic", "m"},
            new String[] {"^b\\b", "m"},
            new String[] {"^(?:a*|b)c", ""},
            new String[] {"^\\d{0,2}x|^[]a]b|^\\.y", ""},
            new String[] {"^(?P<w>\\w+)?:|^a{2}", "m"},
            new String[] {"^[^\\s\\d]\\S*$", "m"});

    /** Texts at the edges of the shapes: newlines, word boundaries beside non-ASCII and '_', a cut field's mark. */
    private static final List<String> EDGES = List.of("", "ERROR", "xERROR", "ERROR_", "_ERROR", "\u00e9ERROR\u00e9", "ERROR\uFFFF",
            "a\nERROR", "ok\npanic: x\n", "ValueError: nope\nTraceback (most recent call last):", "line one\nTraceback",
            "os.Exit", "errors: : error", "(x)", "abc", "ab", "zd", "WARN", "WARNING", "fail\nerror", "\nerror",
            "\ud83d\ude00ERROR\ud83d\ude00", "ERROR\ud83d", "a\nb", "a \n b", "foo bar\nbaz", "x\nyy\nzzz", "b_\nb c\nb",
            "one two\r\nthree four\r\n", "c", "bc", "x", "12x", "]b", ".y", ":", "aab", "_:", " a", "\u00e9t\u00e9");

    @Test
    void answersAsFindOnEveryRealLineForEveryRegexOfTheLibrary() throws IOException {
        List<String[]> regexes = new ArrayList<>(libraryRegexes());
        regexes.addAll(SHAPES);
        List<String> texts = new ArrayList<>(realLines());
        texts.addAll(EDGES);
        assertTrue(regexes.size() > 30, "the library's regexes were read: " + regexes.size());
        assertTrue(texts.size() > 1000, "the real lines were read: " + texts.size());
        int matched = 0;
        for (String[] r : regexes) {
            String source = NAMED.matcher(r[0]).replaceAll("(?P<");
            Pattern whole = Pattern.compile(r[1].isEmpty() ? source : "(?" + r[1] + ")" + source);
            RegexRun withCaptures = RegexRun.of(whole, source, r[1], !whole.namedGroups().isEmpty());
            RegexRun booleanOnly = RegexRun.of(whole, source, r[1], false);
            // as conditions run it: the lines of a text of several lines that lack the regex's literals are spared
            RegexGuard guard = RegexGuard.of(source, r[1].contains("i") || source.contains("(?i)"));
            RegexRun guarded = RegexRun.of(whole, source, r[1], !whole.namedGroups().isEmpty(), guard);
            for (String text : texts) {
                Matcher expected = whole.matcher(text);
                boolean found = expected.find();
                matched += found ? 1 : 0;
                assertEquals(found, booleanOnly.matches(text), () -> "/" + r[0] + "/" + r[1] + " on " + text);
                if (!withCaptures.booleanOnly()) {
                    Matcher actual = withCaptures.find(text);
                    assertEquals(found, actual != null, () -> "/" + r[0] + "/" + r[1] + " on " + text);
                    if (found) {
                        assertEquals(captures(whole, expected), captures(whole, actual), () -> "/" + r[0] + "/" + r[1] + " on " + text);
                    }
                    if (guard == null || guard.admits(text)) {
                        Matcher byGuardedLines = guarded.find(text);
                        assertEquals(found, byGuardedLines != null, () -> "guarded /" + r[0] + "/" + r[1] + " on " + text);
                        if (found) {
                            assertEquals(captures(whole, expected), captures(whole, byGuardedLines),
                                    () -> "guarded /" + r[0] + "/" + r[1] + " on " + text);
                        }
                    }
                }
            }
        }
        assertTrue(matched > 100, "the lines exercise matches too: " + matched);
    }

    @Test
    void runsAnAlternationOfWordsWithoutTheRegexEngine() {
        RegexRun run = run("\\b(?:ERROR|CRITICAL|FATAL)\\b", "");
        assertTrue(run.booleanOnly());
        assertTrue(run.matches("2026-02-08 09:04:45 ERROR Failed to get environment info"));
        assertFalse(run.matches("2026-02-08 09:04:45 ERRORS were logged"));
        assertTrue(run.matches("ERRORS, then FATAL."), "a later word that fits");
    }

    @Test
    void readsTheCapturesOfAnAnchoredRegexOnALineAndOnALaterLine() {
        RegexRun run = run("^(?P<exception>(?:[A-Za-z_]\\w*\\.)*[A-Za-z_]\\w*(?:Error|Exception)): (?P<detail>.*)$", "m");
        assertFalse(run.booleanOnly());
        assertNull(run.find("2026-11-20 00:00:00 ERROR Failed to create environment: ValueError: Environment 'x' already exists"));
        Matcher m = run.find("Traceback (most recent call last):\n  File \"app.py\", line 12, in <module>\n"
                + "ModuleNotFoundError: No module named 'asyncpg'");
        assertNotNull(m);
        assertEquals("ModuleNotFoundError", m.group("exception"));
        assertEquals("No module named 'asyncpg'", m.group("detail"));
    }

    @Test
    void findsTheCapturesOfATracebackOnlyOnTheLinesThatHoldTheRegexLiterals() {
        String source = "^(?P<exception>(?:[A-Za-z_]\\w*\\.)*[A-Za-z_]\\w*(?:Error|Exception)): (?P<detail>.*)$";
        Pattern whole = Pattern.compile("(?m)" + source);
        RegexRun run = RegexRun.of(whole, source, "m", true, RegexGuard.of(source, false));
        // the generated app log's traceback (bench/analyzer/generate-applog.py), joined to its line as replay reads it
        Matcher m = run.find("2026-11-20 00:00:00 ERROR Failed to create environment: RuntimeError: No available ports for new environment\n"
                + "Traceback (most recent call last):\n  File \"/srv/architect/assigner/worker.py\", line 212, in create_environment\n"
                + "    raise RuntimeError(\"No available ports for new environment\")\n"
                + "RuntimeError: No available ports for new environment");
        assertNotNull(m);
        assertEquals("RuntimeError", m.group("exception"));
        assertEquals("No available ports for new environment", m.group("detail"));
        assertNull(run.find("Traceback (most recent call last):\n  File \"app.py\", line 12, in <module>\nKeyboardInterrupt"));
    }

    @Test
    void tellsTheFirstCharactersOfAnAnchoredRegexAndGivesNoAnswerForWhatItCannotRead() {
        boolean[] exception = FirstChars.of(List.of("^(?P<exception>(?:[A-Za-z_]\\w*\\.)*[A-Za-z_]\\w*(?:Error|Exception)): (?P<detail>.*)$"));
        assertNotNull(exception);
        assertTrue(exception['R'] && exception['_'] && exception['z']);
        assertFalse(exception['2'], "an app-log line begins with its time stamp");
        assertFalse(exception[' '] || exception['.']);
        boolean[] optional = FirstChars.of(List.of("^(?:a*|b)c", "^\\d{0,2}x"));
        assertNotNull(optional);
        assertTrue(optional['a'] && optional['b'] && optional['c'] && optional['7'] && optional['x']);
        assertFalse(optional['d']);
        assertNull(FirstChars.of(List.of("^a*")), "matches the empty text");
        assertNull(FirstChars.of(List.of("^(?i)error")), "flags");
        assertNull(FirstChars.of(List.of("^\\pLx")), "a Unicode class");
        assertNull(FirstChars.of(List.of("^a", "b")), "an alternative not anchored");
        assertNull(FirstChars.of(List.of("^[z-a]")), "a range RE2 refuses");
    }

    private static RegexRun run(String source, String flags) {
        Pattern whole = Pattern.compile(flags.isEmpty() ? source : "(?" + flags + ")" + source);
        return RegexRun.of(whole, source, flags, !whole.namedGroups().isEmpty());
    }

    private static Map<String, String> captures(Pattern p, Matcher m) {
        Map<String, String> out = new LinkedHashMap<>();
        p.namedGroups().keySet().forEach(n -> out.put(n, m.group(n)));
        out.put("", m.group());
        return out;
    }

    /** Every regex literal of the shipped library's pattern files. */
    private static List<String[]> libraryRegexes() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String file : List.of("app", "kernel", "streams", "supervisors", "systemd")) {
            try (InputStream in = RegexRunTest.class.getResourceAsStream("/vigil/library/" + file + ".vigil")) {
                assertNotNull(in, file);
                java.util.regex.Matcher m = LITERAL.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    out.add(new String[] {m.group(1).replace("\\/", "/"), m.group(2)});
                }
            }
        }
        return out;
    }

    /** The real log lines kept as the analyzer's test fixtures (each folder cites its source), and the library's own. */
    private static List<String> realLines() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = RegexRunTest.class.getResourceAsStream("/vigil/library/fixtures/seed-002-assigner-errors.log")) {
            out.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
        try (Stream<Path> files = Files.walk(Path.of("../analyzer/src/test/resources/realworld"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".py")).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                out.addAll(List.of(text.split("\n")));
                out.add(text.length() > 4000 ? text.substring(0, 4000) : text); // several lines in one, as a joined traceback
            }
        }
        return out;
    }
}
