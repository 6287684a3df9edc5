package dev.vigil.patterns.compile;

import dev.vigil.patterns.lang.Clause;
import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lang.DurationLit;
import dev.vigil.patterns.lang.FieldRef;
import dev.vigil.patterns.lang.PatternDecl;
import dev.vigil.patterns.lang.PatternFile;
import dev.vigil.patterns.testing.TestCase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compiles the AST of one file into {@link CompiledPattern}s, reporting every error: unknown
 * fields, sources and severities, bad regexes, unknown captures in templates, windows without a
 * bound, clauses that conflict or are missing. A pattern with an error is left out of the result.
 */
public final class PatternCompiler {
    /** Variables the engine supplies to every template. */
    static final Set<String> ENGINE_VARIABLES = Set.of("count", "distinct", "window", "first_seen", "last_seen", "cause");
    static final Duration DEFAULT_QUIET = Duration.ofMinutes(10);

    private final String path;
    private final Problems problems;
    private final ConditionCompiler conditions;
    private final TestCompiler tests;
    private final ClauseChecks checks;
    private final SpecCompiler specs;
    private final IncidentTextCompiler texts;

    private PatternCompiler(String path, TestFixtures fixtures) {
        this.path = path;
        this.problems = new Problems(path);
        this.conditions = new ConditionCompiler(problems);
        this.tests = new TestCompiler(path, problems, conditions, fixtures);
        this.checks = new ClauseChecks(problems);
        this.specs = new SpecCompiler(problems, conditions);
        this.texts = new IncidentTextCompiler(problems);
    }

    /** The compiled patterns of a file and the errors of those that did not compile. */
    public record Result(List<CompiledPattern> patterns, List<Diagnostic> diagnostics) {
        public Result {
            patterns = List.copyOf(patterns);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Compiles every pattern of a parsed file; tests read their files beside the pattern file. */
    public static Result compile(PatternFile file) {
        return compile(file, TestFixtures.BESIDE_PATTERN_FILE);
    }

    /** Compiles every pattern of a parsed file; tests read their {@code lines from} files with {@code fixtures}. */
    public static Result compile(PatternFile file, TestFixtures fixtures) {
        PatternCompiler compiler = new PatternCompiler(file.path(), fixtures);
        List<CompiledPattern> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PatternDecl decl : file.patterns()) {
            compiler.problems.startPattern();
            compiler.conditions.startPattern(decl.name());
            if (!names.add(decl.name())) {
                compiler.problems.error(decl.pos(), "duplicate-pattern", "pattern '" + decl.name()
                        + "' is defined twice in this file", "rename one of them");
                continue;
            }
            CompiledPattern p = compiler.pattern(decl);
            if (!compiler.problems.patternFailed()) {
                out.add(p);
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>(compiler.problems.diagnostics());
        diagnostics.sort(Diagnostic.BY_POSITION);
        return new Result(out, diagnostics);
    }

    private CompiledPattern pattern(PatternDecl decl) {
        checks.checkSingles(decl);
        PatternKind kind = checks.kind(decl);
        Set<String> captures = new TreeSet<>();
        List<Step> steps = steps(decl, kind, captures);
        GatherSpec gather = specs.gather(decl, captures);
        PatternNames names = new PatternNames(captures, stepNames(decl), kind);
        gather = texts.under(decl, gather, names);
        List<String> groupBy = groupBy(decl, names);
        Threshold threshold = specs.threshold(decl, names);
        SequenceSpec sequence = kind == PatternKind.SEQUENCE ? specs.sequence(decl, names) : null;
        AbsenceSpec absence = kind == PatternKind.ABSENCE ? specs.absence(decl) : null;
        String type = texts.type(decl);
        Template subject = texts.template(decl.clauses(Clause.Subject.class).stream().findFirst().map(Clause.Subject::text)
                .orElse(null), texts.defaultSubject(groupBy), names);
        Template summary = texts.summary(decl, names);
        Map<String, Template> labels = texts.labels(decl, names);
        List<TestCase> testCases = decl.clauses(Clause.Test.class).stream().map(t -> tests.test(t.test(), type)).toList();
        Duration quiet = duration(decl.clauses(Clause.Quiet.class), Clause.Quiet::duration)
                .orElse(defaultQuiet(threshold, sequence));
        Duration renotify = duration(decl.clauses(Clause.Renotify.class), Clause.Renotify::duration).orElse(null);
        return new CompiledPattern(new CompiledPattern.Parts(decl.name(), path, decl.pos().line(), description(decl),
                kind, type, texts.severity(decl), steps, groupBy, threshold, sequence, absence,
                !decl.clauses(Clause.Claim.class).isEmpty(), specs.cause(decl), gather, specs.link(decl),
                specs.linkAny(decl, names), quiet, specs.quietSame(decl, kind, names, quiet),
                renotify, subject, summary, labels, testCases, fingerprint(decl.canonical())));
    }

    private List<Step> steps(PatternDecl decl, PatternKind kind, Set<String> captures) {
        if (kind == PatternKind.SEQUENCE) {
            Clause.Sequence s = decl.clauses(Clause.Sequence.class).get(0);
            Set<String> seen = new HashSet<>();
            List<Step> steps = new ArrayList<>();
            for (Clause.Step step : s.steps()) {
                if (!seen.add(step.name())) {
                    problems.error(step.pos(), "duplicate-clause", "second step named '" + step.name() + "'",
                            "give each step its own name");
                }
                Set<String> own = new TreeSet<>();
                steps.add(conditions.step(step.name(), step.selector(), own));
                captures.addAll(own);
                own.forEach(c -> captures.add(step.name() + "." + c));
            }
            return steps;
        }
        if (kind == PatternKind.ABSENCE) {
            return List.of(conditions.step("stream", decl.clauses(Clause.Absence.class).get(0).selector(), captures));
        }
        return decl.clauses(Clause.Match.class).stream().limit(1)
                .map(m -> conditions.step("match", m.selector(), captures))
                .toList();
    }

    private static List<String> stepNames(PatternDecl decl) {
        return decl.clauses(Clause.Sequence.class).stream().flatMap(s -> s.steps().stream())
                .map(Clause.Step::name).toList();
    }

    private List<String> groupBy(PatternDecl decl, PatternNames names) {
        List<String> keys = new ArrayList<>();
        for (Clause.GroupBy g : decl.clauses(Clause.GroupBy.class)) {
            for (FieldRef key : g.keys()) {
                if (names.isValue(key.dotted())) {
                    keys.add(key.dotted());
                } else if (!problems.regexFailed()) {
                    names.reportUnknown(key.dotted(), key.pos(), problems);
                }
            }
        }
        return keys;
    }

    private static <C extends Clause> Optional<Duration> duration(List<C> clauses,
                                                                  Function<C, DurationLit> get) {
        return clauses.stream().findFirst().map(get).map(DurationLit::value);
    }

    private static Duration defaultQuiet(Threshold threshold, SequenceSpec sequence) {
        if (threshold != null) {
            return threshold.window();
        }
        return sequence != null ? sequence.within() : DEFAULT_QUIET;
    }

    private static String description(PatternDecl decl) {
        return decl.clauses(Clause.Description.class).stream().findFirst().map(d -> d.text().value()).orElse("");
    }

    static String fingerprint(String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
