package dev.vigil.patterns.library;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.compile.RedactionCompiler;
import dev.vigil.patterns.compile.TestFixtures;
import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lang.Pos;
import dev.vigil.patterns.lint.PatternLinter;
import dev.vigil.patterns.redact.RedactRule;
import dev.vigil.patterns.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Loads the standard library (shipped in the jar under {@value #LIBRARY_DIR}) plus the user's
 * pattern files, compiles and lints them, and returns the {@link PatternSet} with every
 * diagnostic. A user file with the same file name as a library file replaces it, so
 * {@code --patterns ./kernel.vigil} overrides the shipped {@code kernel.vigil}.
 *
 * <p>The sets loaded to run ({@link #load}, {@link #withLibrary}) compile the library's own files
 * without linting them or reading their tests' files: the build proves the shipped library free of
 * any diagnostic ({@code LibraryCompilesTest}) and runs its tests, and a run ignores warnings and
 * tests; that was half of a replay's start-up. The user's files are checked as by the linter.
 */
public final class PatternLoader {
    /** Classpath folder of the standard library. */
    public static final String LIBRARY_DIR = "vigil/library/";
    /** Lists the library's files, one name a line: the jar is not scanned. */
    static final String INDEX = LIBRARY_DIR + "index.txt";
    static final String EXTENSION = ".vigil";

    private PatternLoader() {}

    /**
     * The loaded set and what was found on the way. {@code sources} maps each file's path (as
     * diagnostics name it) to its text, for rendering.
     */
    public record Result(PatternSet patterns, List<Diagnostic> diagnostics, Map<String, String> sources) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
            sources = Map.copyOf(sources);
        }

        public boolean hasErrors() {
            return Diagnostic.anyError(diagnostics);
        }

        /** Every diagnostic rendered with its source line and caret. */
        public String render() {
            return Diagnostic.renderAll(diagnostics, path -> sources.getOrDefault(path, ""));
        }
    }

    /** Library files' tests read from the classpath, others' from disk beside the pattern file. */
    static final TestFixtures FIXTURES = (patternPath, reference) -> patternPath.startsWith(LIBRARY_DIR)
            ? read(Path.of(patternPath).resolveSibling(reference).normalize().toString().replace('\\', '/'))
            : TestFixtures.BESIDE_PATTERN_FILE.read(patternPath, reference);

    /** The standard library alone. */
    public static Result loadLibrary() {
        return fromSources(library(), FIXTURES);
    }

    /**
     * The library plus user files and directories ({@code *.vigil} in a directory, recursively,
     * in name order). An unreadable path is an error diagnostic, not an exception.
     */
    public static Result load(List<Path> userPaths) {
        Map<String, String> userFiles = new LinkedHashMap<>();
        List<Diagnostic> unreadable = new ArrayList<>();
        for (Path path : userPaths) {
            try {
                for (Path file : PatternFiles.walk(path)) {
                    userFiles.put(file.toString(), PatternFiles.readText(file));
                }
            } catch (IOException | UncheckedIOException e) {
                unreadable.add(Diagnostic.error(path.toString(), new Pos(1, 1), "unreadable-file",
                        "cannot read pattern file: " + e.getMessage(), "check the path given to --patterns"));
            }
        }
        Result result = forRunning(userFiles, TestFixtures.BESIDE_PATTERN_FILE);
        if (unreadable.isEmpty()) {
            return result;
        }
        List<Diagnostic> all = new ArrayList<>(unreadable);
        all.addAll(result.diagnostics());
        return new Result(result.patterns(), all, result.sources());
    }

    /**
     * The library plus user files given as text, path to content (e.g. the {@code
     * vigil.patterns} topic on hot reload: key = file name, value = text). A user file replaces
     * the library file of the same file name. The set is for running: tests' {@code lines from}
     * files are not read ({@code vigil patterns push} tested the files before publishing them).
     */
    public static Result withLibrary(Map<String, String> userFiles) {
        return forRunning(userFiles, TestFixtures.NOT_READ);
    }

    /**
     * The library plus user files given as text, path on disk to content, with every test's
     * {@code lines from} files read (the library's from the jar, the others' beside their
     * file): the set {@code vigil patterns test --library} and {@code vigil patterns push} test.
     */
    public static Result withLibraryTested(Map<String, String> userFiles) {
        Map<String, String> files = library();
        userFiles.forEach((path, text) -> replaceByFileName(files, path, text));
        return fromSources(files, FIXTURES);
    }

    /**
     * Compiles exactly the files given as text, path to content, in the map's order, without
     * the library. Pattern names must be unique across files.
     */
    public static Result fromSources(Map<String, String> files) {
        return fromSources(files, FIXTURES);
    }

    /** As {@link #fromSources(Map)}, reading tests' {@code lines from} files with {@code fixtures}. */
    public static Result fromSources(Map<String, String> files, TestFixtures fixtures) {
        return compile(files, (path, text) -> PatternLinter.lint(path, text, fixtures));
    }

    /**
     * The library plus {@code userFiles}, to run: the library's files compiled alone (see the
     * class comment), the user's linted, their tests' files read with {@code userFixtures}, so
     * they fail as they would in {@code vigil patterns lint}.
     */
    private static Result forRunning(Map<String, String> userFiles, TestFixtures userFixtures) {
        LibraryPreload preload = LibraryPreload.take();
        Map<String, String> files = preload == null ? library() : preload.library();
        userFiles.forEach((path, text) -> replaceByFileName(files, path, text));
        return compile(files, (path, text) -> userFiles.containsKey(path)
                ? PatternLinter.lint(path, text, userFixtures) : shipped(preload, path, text));
    }

    /** A library file compiled alone: by the {@link LibraryPreload} begun for this load, if any; from its build-time parse when it has one. */
    private static PatternLinter.Result shipped(LibraryPreload preload, String path, String text) {
        PatternLinter.Result begun = preload == null ? null : preload.compiled(path);
        return begun != null ? begun : ParsedLibrary.compile(path, text);
    }

    private static Result compile(Map<String, String> files, BiFunction<String, String, PatternLinter.Result> check) {
        List<CompiledPattern> patterns = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, CompiledPattern> byName = new HashMap<>();
        List<RedactRule> redactions = new ArrayList<>();
        Set<String> redactionsOff = new HashSet<>();
        files.forEach((path, text) -> {
            PatternLinter.Result linted = check.apply(path, text);
            diagnostics.addAll(linted.diagnostics());
            RedactionCompiler.Result redacts = RedactionCompiler.compile(linted.file());
            redactions.addAll(redacts.added());
            redactionsOff.addAll(redacts.disabled());
            for (CompiledPattern p : linted.patterns()) {
                CompiledPattern first = byName.putIfAbsent(p.name(), p);
                if (first == null) {
                    patterns.add(p);
                } else {
                    diagnostics.add(Diagnostic.error(path, new Pos(p.line(), 1), "duplicate-pattern", "pattern '"
                            + p.name() + "' is also defined in " + first.path() + ":" + first.line(),
                            "rename one, or name the file like the one it should replace"));
                }
            }
        });
        return new Result(new PatternSet(patterns, Redactor.of(redactions, redactionsOff)), diagnostics, files);
    }

    /** The library's files, resource path to text, in index order. */
    static Map<String, String> library() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : libraryFileNames()) {
            files.put(LIBRARY_DIR + name, read(LIBRARY_DIR + name));
        }
        return files;
    }

    /** The file names of the standard library ({@code kernel.vigil}, …), in load order. */
    public static List<String> libraryFileNames() {
        return read(INDEX).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String read(String resource) {
        try (InputStream in = PatternLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + "; the build is broken");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static void replaceByFileName(Map<String, String> files, String path, String text) {
        String name = Path.of(path).getFileName().toString();
        files.keySet().removeIf(existing -> Path.of(existing).getFileName().toString().equals(name));
        files.put(path, text);
    }
}
