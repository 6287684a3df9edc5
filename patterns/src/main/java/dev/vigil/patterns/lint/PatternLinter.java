package dev.vigil.patterns.lint;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternCompiler;
import dev.vigil.patterns.compile.PatternKind;
import dev.vigil.patterns.compile.RedactionCompiler;
import dev.vigil.patterns.compile.RegexLimits;
import dev.vigil.patterns.compile.RequiredLiterals;
import dev.vigil.patterns.compile.Step;
import dev.vigil.patterns.compile.TestFixtures;
import dev.vigil.patterns.compile.Threshold;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.lang.Clause;
import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lang.Expr;
import dev.vigil.patterns.lang.FieldRef;
import dev.vigil.patterns.lang.PatternDecl;
import dev.vigil.patterns.lang.PatternFile;
import dev.vigil.patterns.lang.PatternParser;
import dev.vigil.patterns.lang.Pos;
import dev.vigil.patterns.lang.Selector;
import dev.vigil.patterns.testing.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Checks one pattern file end to end: syntax, compile errors, then warnings about what is
 * legal but likely wrong: an expensive regex, a group key with unbounded cardinality, a
 * pattern its own tests never trigger.
 *
 * <p>The trigger check is the part that needs no engine: a test that expects an incident but
 * has too few events matching the pattern's steps (fewer than a threshold's minimum, or a
 * sequence step nobody matches) cannot pass. Whether the windows and joins line up is what
 * {@code vigil patterns test} finds out by running the tests.
 */
public final class PatternLinter {
    /** Event fields with (nearly) one value per event or per process: a key on them never repeats. */
    static final Map<String, String> UNBOUNDED_KEYS = Map.of(
            "message", "every distinct line", "pid", "every new process (a crash loop makes a new pid each run)",
            "cursor", "every event", "offset", "every event", "boot_id", "every boot");

    private PatternLinter() {}

    /** Everything known about one file: its patterns that compiled and every problem, in order. */
    public record Result(PatternFile file, List<CompiledPattern> patterns, List<Diagnostic> diagnostics) {
        public Result {
            patterns = List.copyOf(patterns);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return Diagnostic.anyError(diagnostics);
        }

        /** All diagnostics rendered with their source lines, as {@code vigil patterns lint} prints them. */
        public String render() {
            return Diagnostic.renderAll(diagnostics, path -> file.text());
        }
    }

    /** Parses, compiles and lints the text of one file; tests read their files beside it. */
    public static Result lint(String path, String text) {
        return lint(path, text, TestFixtures.BESIDE_PATTERN_FILE);
    }

    /** Parses, compiles and lints the text of one file, reading test files with {@code fixtures}. */
    public static Result lint(String path, String text, TestFixtures fixtures) {
        return check(path, text, fixtures, true);
    }

    /**
     * Parses and compiles the text of one file, with the errors of both but none of the warnings
     * nor its tests' files: for a file the build has already linted and tested (the standard
     * library), loaded to run.
     */
    public static Result compile(String path, String text) {
        return check(PatternParser.parse(path, text), TestFixtures.NOT_READ, false);
    }

    /** As {@link #compile(String, String)}, for a file parsed before without a diagnostic (the standard library, at build time). */
    public static Result compile(PatternFile parsed) {
        return check(new PatternParser.Result(parsed, List.of()), TestFixtures.NOT_READ, false);
    }

    private static Result check(String path, String text, TestFixtures fixtures, boolean warn) {
        return check(PatternParser.parse(path, text), fixtures, warn);
    }

    private static Result check(PatternParser.Result parsed, TestFixtures fixtures, boolean warn) {
        PatternCompiler.Result compiled = PatternCompiler.compile(parsed.file(), fixtures);
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        all.addAll(compiled.diagnostics());
        all.addAll(RedactionCompiler.compile(parsed.file()).diagnostics());
        if (warn) {
            all.addAll(warnings(parsed.file(), compiled.patterns()));
        }
        all.sort(Diagnostic.BY_POSITION);
        return new Result(parsed.file(), compiled.patterns(), all);
    }

    /** The warnings for the patterns of a file that compiled. */
    static List<Diagnostic> warnings(PatternFile file, List<CompiledPattern> compiled) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> ok = compiled.stream().map(CompiledPattern::name).collect(Collectors.toSet());
        for (PatternDecl decl : file.patterns()) {
            if (!ok.contains(decl.name())) {
                continue;
            }
            forEachRegex(decl, r -> expensiveRegex(file.path(), r).ifPresent(out::add));
            decl.clauses(Clause.GroupBy.class).forEach(g -> g.keys().forEach(k -> unboundedKey(file.path(), k, out)));
        }
        Map<Integer, Pos> testPositions = file.patterns().stream().flatMap(d -> d.clauses(Clause.Test.class).stream())
                .collect(Collectors.toMap(t -> t.pos().line(), Clause.Test::pos, (a, b) -> a));
        compiled.forEach(p -> untriggered(file.path(), p, testPositions, out));
        return out;
    }

    private static Optional<Diagnostic> expensiveRegex(String path, Expr.RegexTest r) {
        String source = r.regex().source().replaceFirst("^\\(\\?[a-zA-Z]+\\)", "");
        String shown = "/" + r.regex().source() + "/";
        if (source.startsWith(".*") || source.startsWith(".+")) {
            String lead = source.substring(0, 2);
            return Optional.of(Diagnostic.warning(path, r.regex().pos(), "expensive-regex", "regex " + shown
                    + " starts with '" + lead + "', so it is tried from every position of every line",
                    "drop the leading '" + lead + "': a regex matches anywhere in the field unless anchored with '^'"));
        }
        long size = RegexLimits.programSize(source);
        if (size > RegexLimits.LARGE_PROGRAM_SIZE) {
            return Optional.of(Diagnostic.warning(path, r.regex().pos(), "expensive-regex", "regex " + shown
                    + " compiles to about " + size + " instructions, each tried at every character it reads",
                    "use a smaller count, or '+' or '*' for the repeated part"));
        }
        if (!source.startsWith("^") && !r.negated() && RequiredLiterals.ofRegex(source) == null) {
            return Optional.of(Diagnostic.warning(path, r.regex().pos(), "expensive-regex", "regex " + shown
                    + " has no fixed text of " + RequiredLiterals.MIN_LENGTH + "+ characters, so it runs on every line",
                    "include a word the line always contains, or anchor the regex with '^'"));
        }
        return Optional.empty();
    }

    private static void unboundedKey(String path, FieldRef key, List<Diagnostic> out) {
        String why = UNBOUNDED_KEYS.get(key.dotted());
        if (why != null) {
            out.add(Diagnostic.warning(path, key.pos(), "unbounded-group-key", "grouping by '" + key.dotted()
                    + "' makes a new group for " + why + ", so episodes never repeat and state grows without bound",
                    "group by unit, comm, file or a capture with few values"));
        }
    }

    private static void untriggered(String path, CompiledPattern p, Map<Integer, Pos> testPositions,
                                    List<Diagnostic> out) {
        if (p.tests().isEmpty()) {
            return;
        }
        boolean anyTriggers = false;
        for (TestCase t : p.tests()) {
            boolean triggers = canTrigger(p, t.events(TestCase.DEFAULT_START));
            anyTriggers |= triggers;
            // a test without inputs had its lines from a file that was not read: nothing to judge
            if (!triggers && !t.expected().isEmpty() && !t.inputs().isEmpty()) {
                out.add(Diagnostic.warning(path, testPositions.getOrDefault(t.line(), new Pos(t.line(), 1)), "never-triggered", "test '" + t.name()
                        + "' expects an incident, but too few of its events match pattern '" + p.name() + "'",
                        hint(p)));
            }
        }
        if (!anyTriggers) {
            out.add(Diagnostic.warning(path, new Pos(p.line(), 1), "never-triggered", "no test of pattern '" + p.name()
                    + "' has events that could trigger it", "add a test whose lines match and 'expect " + p.type() + "'"));
        }
    }

    private static String hint(CompiledPattern p) {
        return p.threshold().map(t -> "it needs at least " + t.min() + " matching events within " + t.window().toString()
                .substring(2).toLowerCase(Locale.ROOT)).orElse("make at least one event match each step");
    }

    /** Whether the events reach what the pattern needs before timing is considered. */
    static boolean canTrigger(CompiledPattern p, List<Event> events) {
        if (p.kind() == PatternKind.SEQUENCE) {
            return p.steps().stream().allMatch(s -> events.stream().anyMatch(s::matches));
        }
        Step step = p.steps().get(0);
        long matching = events.stream().filter(step::matches).count();
        long needed = p.threshold().map(t -> t.min()).orElse(1L);
        // 'or counter >= 10': one event whose capture states the count is enough
        Optional<Threshold> reach = p.threshold().filter(t -> t.reach().isPresent());
        boolean reached = reach.isPresent() && events.stream()
                .anyMatch(e -> p.match(e).map(m -> reach.get().reachedBy(p.variables(e, m))).orElse(false));
        return matching >= needed || reached;
    }

    private static void forEachRegex(PatternDecl decl, Consumer<Expr.RegexTest> action) {
        List<Expr> roots = new ArrayList<>();
        for (Clause c : decl.clauses()) {
            if (c instanceof Clause.Match m) {
                addWhere(m.selector(), roots);
            } else if (c instanceof Clause.Sequence s) {
                s.steps().forEach(step -> addWhere(step.selector(), roots));
            } else if (c instanceof Clause.Absence a) {
                addWhere(a.selector(), roots);
            } else if (c instanceof Clause.Graceful g) {
                roots.add(g.where());
            } else if (c instanceof Clause.Once o) {
                roots.add(o.first());
                roots.add(o.then());
            } else if (c instanceof Clause.Cause cause && cause.where() != null) {
                roots.add(cause.where());
            } else if (c instanceof Clause.Gather gather) {
                roots.add(gather.where());
            }
        }
        roots.forEach(r -> walk(r, action));
    }

    private static void addWhere(Selector selector, List<Expr> roots) {
        if (selector.where() != null) {
            roots.add(selector.where());
        }
    }

    private static void walk(Expr e, Consumer<Expr.RegexTest> action) {
        if (e instanceof Expr.And a) {
            walk(a.left(), action);
            walk(a.right(), action);
        } else if (e instanceof Expr.Or o) {
            walk(o.left(), action);
            walk(o.right(), action);
        } else if (e instanceof Expr.Not n) {
            walk(n.inner(), action);
        } else if (e instanceof Expr.RegexTest r) {
            action.accept(r);
        }
    }
}
