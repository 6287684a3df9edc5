package dev.vigil.patterns.compile;

import dev.vigil.patterns.lang.Clause;
import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lang.DurationLit;
import dev.vigil.patterns.lang.FieldRef;
import dev.vigil.patterns.lang.PatternDecl;
import dev.vigil.patterns.lang.PatternFile;
import dev.vigil.patterns.lang.Pos;
import dev.vigil.patterns.lang.Selector;
import dev.vigil.patterns.lang.Suggestions;
import dev.vigil.patterns.lang.Text;
import dev.vigil.patterns.testing.TestCase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** Clauses a pattern may hold at most once. */
    private static final List<Class<? extends Clause>> SINGLE = List.of(Clause.Description.class, Clause.Match.class,
            Clause.GroupBy.class, Clause.Threshold.class, Clause.Once.class, Clause.Signature.class, Clause.Sequence.class,
            Clause.Absence.class, Clause.Graceful.class, Clause.WhileHostAlive.class, Clause.Quiet.class,
            Clause.Renotify.class, Clause.Cause.class, Clause.Gather.class, Clause.Link.class, Clause.LinkAny.class, Clause.Type.class, Clause.Severity.class, Clause.Subject.class,
            Clause.Summary.class);

    private final String path;
    private final Problems problems;
    private final ConditionCompiler conditions;
    private final TestCompiler tests;

    private PatternCompiler(String path, TestFixtures fixtures) {
        this.path = path;
        this.problems = new Problems(path);
        this.conditions = new ConditionCompiler(problems);
        this.tests = new TestCompiler(path, problems, conditions, fixtures);
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
        checkSingles(decl);
        PatternKind kind = kind(decl);
        Set<String> captures = new TreeSet<>();
        List<Step> steps = steps(decl, kind, captures);
        GatherSpec gather = gather(decl, captures);
        Names names = new Names(captures, stepNames(decl), kind);
        gather = under(decl, gather, names);
        List<String> groupBy = groupBy(decl, names);
        Threshold threshold = threshold(decl, names);
        SequenceSpec sequence = kind == PatternKind.SEQUENCE ? sequence(decl, names) : null;
        AbsenceSpec absence = kind == PatternKind.ABSENCE ? absence(decl) : null;
        String type = type(decl);
        Template subject = template(decl.clauses(Clause.Subject.class).stream().findFirst().map(Clause.Subject::text)
                .orElse(null), defaultSubject(groupBy), names);
        Template summary = summary(decl, names);
        Map<String, Template> labels = labels(decl, names);
        List<TestCase> testCases = decl.clauses(Clause.Test.class).stream().map(t -> tests.test(t.test(), type)).toList();
        Duration quiet = duration(decl.clauses(Clause.Quiet.class), Clause.Quiet::duration)
                .orElse(defaultQuiet(threshold, sequence));
        Duration renotify = duration(decl.clauses(Clause.Renotify.class), Clause.Renotify::duration).orElse(null);
        return new CompiledPattern(new CompiledPattern.Parts(decl.name(), path, decl.pos().line(), description(decl),
                kind, type, severity(decl), steps, groupBy, threshold, sequence, absence, cause(decl), gather, link(decl),
                linkAny(decl, names), quiet,
                renotify, subject, summary, labels, testCases, fingerprint(decl.canonical())));
    }

    private void checkSingles(PatternDecl decl) {
        for (Class<? extends Clause> kind : SINGLE) {
            List<? extends Clause> found = decl.clauses(kind);
            for (int i = 1; i < found.size(); i++) {
                problems.error(found.get(i).pos(), "duplicate-clause", "second '" + keyword(kind) + "' in pattern '"
                        + decl.name() + "'", "the first is on line " + found.get(0).pos().line() + "; keep one");
            }
        }
    }

    private static String keyword(Class<? extends Clause> kind) {
        return switch (kind.getSimpleName()) {
            case "GroupBy" -> "group by";
            case "WhileHostAlive" -> "while host alive";
            default -> kind.getSimpleName().toLowerCase(Locale.ROOT);
        };
    }

    private PatternKind kind(PatternDecl decl) {
        boolean match = !decl.clauses(Clause.Match.class).isEmpty();
        boolean sequence = !decl.clauses(Clause.Sequence.class).isEmpty();
        boolean absence = !decl.clauses(Clause.Absence.class).isEmpty();
        int selectors = (match ? 1 : 0) + (sequence ? 1 : 0) + (absence ? 1 : 0);
        if (selectors == 0) {
            problems.error(decl.pos(), "missing-clause", "pattern '" + decl.name() + "' says nothing to look for",
                    "add a 'match', 'sequence' or 'absence' clause");
            return PatternKind.MATCH;
        }
        if (selectors > 1) {
            Clause second = decl.clauses().stream().filter(c -> c instanceof Clause.Match || c instanceof Clause.Sequence
                    || c instanceof Clause.Absence).skip(1).findFirst().orElseThrow();
            problems.error(second.pos(), "conflicting-clauses", "pattern '" + decl.name()
                    + "' has more than one of 'match', 'sequence', 'absence'", "a pattern detects one thing; split it in two");
        }
        List<Clause.Threshold> thresholds = decl.clauses(Clause.Threshold.class);
        List<Clause.Signature> signatures = decl.clauses(Clause.Signature.class);
        if (!match && !thresholds.isEmpty()) {
            problems.error(thresholds.get(0).pos(), "conflicting-clauses", "'threshold' counts the events of a 'match'",
                    "use 'match' with 'threshold', or drop the threshold");
        }
        if (!match && !signatures.isEmpty()) {
            problems.error(signatures.get(0).pos(), "conflicting-clauses", "'signature' groups the events of a 'match'",
                    "use 'match' with 'signature'");
        }
        onlyWith(decl, Clause.Join.class, "join", sequence, "sequence");
        onlyWith(decl, Clause.Graceful.class, "graceful", absence, "absence");
        onlyWith(decl, Clause.Once.class, "once", match && !thresholds.isEmpty(), "threshold");
        onlyWith(decl, Clause.WhileHostAlive.class, "while host alive", absence, "absence");
        if (sequence) {
            return PatternKind.SEQUENCE;
        }
        if (absence) {
            return PatternKind.ABSENCE;
        }
        if (!signatures.isEmpty()) {
            return PatternKind.SIGNATURE;
        }
        return thresholds.isEmpty() ? PatternKind.MATCH : PatternKind.THRESHOLD;
    }

    /** Reports a clause that means nothing without another, e.g. 'graceful' without 'absence'. */
    private void onlyWith(PatternDecl decl, Class<? extends Clause> kind, String clause, boolean present, String needed) {
        if (!present) {
            decl.clauses(kind).stream().findFirst().ifPresent(c -> problems.error(c.pos(), "conflicting-clauses",
                    "'" + clause + "' only applies to " + (needed.startsWith("a") ? "an '" : "a '") + needed + "' pattern", "remove it, or use '" + needed + "'"));
        }
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

    /** The names a pattern's group keys, joins and templates may use. */
    private record Names(Set<String> captures, List<String> steps, PatternKind kind) {
        boolean isValue(String name) {
            return captures.contains(name) || EventFields.isKnown(name) || isStepField(name);
        }

        private boolean isStepField(String name) {
            int dot = name.indexOf('.');
            return dot > 0 && steps.contains(name.substring(0, dot)) && EventFields.isKnown(name.substring(dot + 1));
        }

        boolean isVariable(String name) {
            return isValue(name) || ENGINE_VARIABLES.contains(name)
                    || (kind == PatternKind.SIGNATURE && name.equals("template"))
                    || (kind == PatternKind.ABSENCE && name.equals("silence"));
        }

        List<String> suggestions() {
            List<String> all = new ArrayList<>(captures);
            all.addAll(EventFields.names());
            all.addAll(ENGINE_VARIABLES);
            return all;
        }
    }

    private List<String> groupBy(PatternDecl decl, Names names) {
        List<String> keys = new ArrayList<>();
        for (Clause.GroupBy g : decl.clauses(Clause.GroupBy.class)) {
            for (FieldRef key : g.keys()) {
                if (names.isValue(key.dotted())) {
                    keys.add(key.dotted());
                } else if (!problems.regexFailed()) {
                    unknownName(key.dotted(), key.pos(), names);
                }
            }
        }
        return keys;
    }

    private void unknownName(String name, Pos pos, Names names) {
        String hint = Suggestions.didYouMean(name, names.suggestions());
        problems.error(pos, "unknown-field", "unknown field or capture '" + name + "'",
                hint.isEmpty() ? ConditionCompiler.unknownFieldHint(name) : hint);
    }

    private Threshold threshold(PatternDecl decl, Names names) {
        List<Clause.Threshold> found = decl.clauses(Clause.Threshold.class);
        if (found.isEmpty()) {
            return null;
        }
        Clause.Threshold t = found.get(0);
        Optional<String> distinct = Optional.empty();
        if (t.distinct() != null) {
            if (names.isValue(t.distinct().dotted())) {
                distinct = Optional.of(t.distinct().dotted());
            } else if (!problems.regexFailed()) {
                unknownName(t.distinct().dotted(), t.distinct().pos(), names);
            }
        }
        Duration window = bounded(t.within(), t.pos(), "threshold", "threshold count >= " + t.min() + " within 10m");
        if (t.min() < 1) {
            problems.error(t.pos(), "bad-value", "'threshold … >= 0' fires without any event",
                    "count from 1, e.g. 'threshold count >= 1 within " + (t.within() == null ? "10m" : t.within().text()) + "'");
            return null;
        }
        Optional<OnceSpec> once = once(decl);
        return window == null ? null : new Threshold(distinct, t.min(), window, once);
    }

    private Optional<OnceSpec> once(PatternDecl decl) {
        List<Clause.Once> found = decl.clauses(Clause.Once.class);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Clause.Once o = found.get(0);
        Duration within = bounded(o.within(), o.pos(), "once", "once message ~ /first line/ then message ~ /second line/ within 1s");
        Step first = conditions.step("once", new Selector(null, null, o.first(), o.pos()), new HashSet<>());
        Step then = conditions.step("then", new Selector(null, null, o.then(), o.pos()), new HashSet<>());
        return within == null ? Optional.empty() : Optional.of(new OnceSpec(first, then, within));
    }

    /** The duration of a required window, or null after reporting it missing. */
    private Duration bounded(DurationLit window, Pos clausePos, String clause, String example) {
        if (window == null) {
            problems.error(clausePos, "window-without-bound", "'" + clause + "' has no time bound",
                    "add one, e.g. '" + example + "'");
            return null;
        }
        if (window.isValid() && window.value().isZero()) {
            problems.error(window.pos(), "window-without-bound", "a window of " + window.text() + " never holds an event",
                    "use a positive duration, e.g. '10m'");
            return null;
        }
        return window.value();
    }

    private SequenceSpec sequence(PatternDecl decl, Names names) {
        Clause.Sequence s = decl.clauses(Clause.Sequence.class).get(0);
        Duration within = bounded(s.within(), s.pos(), "sequence", "sequence within 2m { … }");
        List<Join> joins = new ArrayList<>();
        for (Clause.Join j : decl.clauses(Clause.Join.class)) {
            String[] left = stepValue(j.left(), names);
            String[] right = stepValue(j.right(), names);
            if (left != null && right != null) {
                joins.add(new Join(left[0], left[1], right[0], right[1]));
            }
        }
        if (s.steps().size() < 2) {
            problems.error(s.pos(), "missing-clause", "a sequence needs at least two steps",
                    "for a single event use 'match'");
        }
        return within == null ? null : new SequenceSpec(within, joins);
    }

    private String[] stepValue(FieldRef ref, Names names) {
        List<String> parts = ref.parts();
        if (parts.size() < 2 || !names.steps().contains(parts.get(0))) {
            String hint = parts.size() < 2 ? "name the step, e.g. '" + names.steps().get(0) + "." + ref.dotted() + "'"
                    : Suggestions.didYouMean(parts.get(0), names.steps());
            problems.error(ref.pos(), "unknown-step", "'" + ref.dotted() + "' does not name a step of the sequence",
                    hint.isEmpty() ? "steps are " + String.join(", ", names.steps()) : hint);
            return null;
        }
        if (!names.isValue(ref.dotted()) && !problems.regexFailed()) {
            unknownName(ref.dotted(), ref.pos(), names);
            return null;
        }
        return new String[] {parts.get(0), String.join(".", parts.subList(1, parts.size()))};
    }

    private AbsenceSpec absence(PatternDecl decl) {
        Clause.Absence a = decl.clauses(Clause.Absence.class).get(0);
        Optional<Step> graceful = decl.clauses(Clause.Graceful.class).stream().findFirst()
                .map(g -> conditions.step("graceful", new Selector(null, null, g.where(), g.pos()),
                        new HashSet<>()));
        boolean whileAlive = !decl.clauses(Clause.WhileHostAlive.class).isEmpty();
        if (a.silence() == null) {
            bounded(null, a.pos(), "absence", "absence of file silent for 10m");
            return null;
        }
        Clause.Silence s = a.silence();
        if (s.fixed() != null) {
            Duration fixed = bounded(s.fixed(), s.pos(), "silent for", "silent for 10m");
            return fixed == null ? null : new AbsenceSpec(Optional.of(fixed), 0, fixed, graceful, whileAlive);
        }
        if (s.factor() < 1) {
            problems.error(s.pos(), "bad-value", "a stream cannot be silent for 0 times its usual gap",
                    "use a factor of 1 or more, e.g. 'silent for 20 times usual gap'");
            return null;
        }
        Duration floor = s.floor() == null ? Duration.ZERO : s.floor().value();
        return floor == null ? null : new AbsenceSpec(Optional.empty(), s.factor(), floor, graceful, whileAlive);
    }

    private CauseSpec cause(PatternDecl decl) {
        return decl.clauses(Clause.Cause.class).stream().findFirst().map(c -> {
            String same = conditions.field(c.same());
            Step filter = conditions.step("cause", new Selector(null, null, c.where(), c.pos()),
                    new HashSet<>());
            Optional<Duration> lookback = c.within() == null ? Optional.empty() : Optional.ofNullable(c.within().value());
            if (c.lines() < 1) {
                problems.error(c.pos(), "bad-value", "'cause last 0 lines' attaches nothing", "use 1 or more lines");
                return null;
            }
            return same == null ? null : new CauseSpec(c.lines(), same, filter, lookback);
        }).orElse(null);
    }

    /** The {@code gather} clause; its capture becomes a variable of the pattern's templates. */
    private GatherSpec gather(PatternDecl decl, Set<String> captures) {
        return decl.clauses(Clause.Gather.class).stream().findFirst().map(g -> {
            Set<String> own = new HashSet<>();
            Step filter = conditions.step("gather", new Selector(null, null, g.where(), g.pos()), own);
            if (!own.contains(g.name())) {
                problems.error(g.pos(), "unknown-capture", "'gather " + g.name() + "' needs a capture (?<" + g.name()
                        + ">…) in its condition", "name the part to gather, e.g. message ~ /^(?<" + g.name() + ">\\S+):/");
                return null;
            }
            Duration within = bounded(g.within(), g.pos(), "gather", "gather " + g.name() + " where … within 1s");
            captures.add(g.name());
            return within == null ? null : new GatherSpec(g.name(), filter, within, Optional.empty());
        }).orElse(null);
    }

    /** The {@code under} name of a {@code gather}: a template of the trigger's values. */
    private GatherSpec under(PatternDecl decl, GatherSpec gather, Names names) {
        Text under = decl.clauses(Clause.Gather.class).stream().findFirst().map(Clause.Gather::under).orElse(null);
        if (gather == null || under == null) {
            return gather;
        }
        return new GatherSpec(gather.name(), gather.filter(), gather.within(), Optional.of(template(under, null, names)));
    }

    private LinkSpec link(PatternDecl decl) {
        return decl.clauses(Clause.Link.class).stream().findFirst().map(l -> {
            Duration within = bounded(l.within(), l.pos(), "link", "link " + String.join(", ", l.types()) + " within 15m");
            return within == null ? null : new LinkSpec(Set.copyOf(l.types()), within);
        }).orElse(null);
    }

    private LinkAnySpec linkAny(PatternDecl decl, Names names) {
        return decl.clauses(Clause.LinkAny.class).stream().findFirst().map(l -> {
            Duration within = bounded(l.within(), l.pos(), "link any", "link any within 5m naming " + l.pid() + ", " + l.comm()
                    + " note \"…\" else \"…\"");
            for (String name : List.of(l.pid(), l.comm())) {
                if (!names.isValue(name)) {
                    problems.error(l.pos(), "unknown-capture", "'" + name + "' is not a capture or field of this pattern",
                            "captures here: " + (names.captures().isEmpty() ? "none" : String.join(", ", names.captures())));
                }
            }
            Template same = note(l.same(), l);
            Template other = note(l.other(), l);
            return within == null ? null : new LinkAnySpec(within, l.pid(), l.comm(), same, other);
        }).orElse(null);
    }

    /** A note of {@code link any}: it may use the two named values and {@code {apart}}. */
    private Template note(Text text, Clause.LinkAny l) {
        Template t = Template.parse(text.value());
        Set<String> allowed = Set.of(l.pid(), l.comm(), LinkAnySpec.APART);
        for (String name : t.variables()) {
            if (!allowed.contains(name)) {
                problems.error(text.posOf("{" + name + "}"), "unknown-capture", "'{" + name + "}' is not a value a link note has",
                        "a note may use {" + l.pid() + "}, {" + l.comm() + "} and {" + LinkAnySpec.APART + "}");
            }
        }
        return t;
    }

    private String type(PatternDecl decl) {
        List<Clause.Type> found = decl.clauses(Clause.Type.class);
        if (found.isEmpty()) {
            problems.error(decl.pos(), "missing-clause", "pattern '" + decl.name() + "' has no 'type'",
                    "add the incident type, e.g. 'type restart_burst'");
            return null;
        }
        return found.get(0).name();
    }

    private IncidentSeverity severity(PatternDecl decl) {
        List<Clause.Severity> found = decl.clauses(Clause.Severity.class);
        if (found.isEmpty()) {
            return IncidentSeverity.WARNING;
        }
        Clause.Severity s = found.get(0);
        for (IncidentSeverity level : IncidentSeverity.values()) {
            if (level.wireName().equals(s.level())) {
                return level;
            }
        }
        String hint = Suggestions.didYouMean(s.level(), IncidentSeverity.wireNames());
        problems.error(s.levelPos(), "unknown-severity", "unknown severity '" + s.level() + "'",
                hint.isEmpty() ? "use one of " + String.join(", ", IncidentSeverity.wireNames()) : hint);
        return IncidentSeverity.WARNING;
    }

    private Template summary(PatternDecl decl, Names names) {
        List<Clause.Summary> found = decl.clauses(Clause.Summary.class);
        if (found.isEmpty()) {
            problems.error(decl.pos(), "missing-clause", "pattern '" + decl.name() + "' has no 'summary'",
                    "add one sentence with the numbers, e.g. 'summary \"{unit} restarted {count} times\"'");
            return Template.parse("");
        }
        return template(found.get(0).text(), "", names);
    }

    private Map<String, Template> labels(PatternDecl decl, Names names) {
        Map<String, Template> labels = new LinkedHashMap<>();
        for (Clause.Label l : decl.clauses(Clause.Label.class)) {
            if (labels.put(l.key(), template(l.text(), "", names)) != null) {
                problems.error(l.pos(), "duplicate-clause", "second 'label " + l.key() + "' in pattern '"
                        + decl.name() + "'", "keep one value per label");
            }
        }
        return labels;
    }

    private static String defaultSubject(List<String> groupBy) {
        return groupBy.isEmpty() ? "{host}" : "{" + groupBy.get(0) + "}";
    }

    /** Parses a template and reports each placeholder no capture, field or engine value fills. */
    private Template template(Text text, String fallback, Names names) {
        if (text == null) {
            return Template.parse(fallback);
        }
        Template t = Template.parse(text.value());
        if (problems.regexFailed()) {
            return t;
        }
        Set<String> reported = new HashSet<>();
        for (String name : t.variables()) {
            if (!names.isVariable(name) && reported.add(name)) {
                String hint = Suggestions.didYouMean(name, names.suggestions());
                problems.error(text.posOf("{" + name + "}"), "unknown-capture", "'{" + name
                        + "}' is not a capture, field or count of this pattern",
                        hint.isEmpty() ? "captures here: " + (names.captures().isEmpty() ? "none"
                                : String.join(", ", names.captures())) : hint);
            }
        }
        return t;
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
