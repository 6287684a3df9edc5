package dev.vigil.patterns.compile;

import com.google.re2j.Matcher;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.lang.Expr;
import dev.vigil.patterns.lang.FieldRef;
import dev.vigil.patterns.lang.Pos;
import dev.vigil.patterns.lang.RegexLit;
import dev.vigil.patterns.lang.Selector;
import dev.vigil.patterns.lang.Suggestions;
import dev.vigil.patterns.lang.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compiles selectors and their conditions into {@link Step}s: checks field names, compiles
 * each regex once with RE2/J (linear time, no backtracking), and records the named captures.
 */
final class ConditionCompiler {
    /** {@code (?<name>…)} in Java/PCRE spelling; RE2's own is {@code (?P<name>…)}. */
    private static final Pattern JAVA_NAMED_GROUP = Pattern.compile("(?<!\\\\)\\(\\?<(?=[A-Za-z_])");
    /** An inline flag group that turns on case-insensitive matching, e.g. {@code (?i)} or {@code (?mi:}. */
    private static final Pattern CASE_FLAG = Pattern.compile("\\(\\?[a-zA-Z]*i");
    private static final String RE2_HINT = "Vigil regexes are RE2 (linear time): no lookaround, no backreferences;"
            + " see https://github.com/google/re2/wiki/Syntax";

    private final Problems problems;
    private final int maxMatchChars = MatchBudget.configuredMaxChars();
    private String patternName = "";
    /** The guards of the message regexes of the step being compiled. */
    private List<RegexGuard> messageGuards = new ArrayList<>();

    ConditionCompiler(Problems problems) {
        this.problems = problems;
    }

    /** Names the pattern whose conditions follow, for the log line of a regex that reads part of a field. */
    void startPattern(String name) {
        this.patternName = name;
    }

    /** Compiles a selector into a step; every capture name it defines is added to {@code captures}. */
    Step step(String name, Selector selector, Set<String> captures) {
        Source source = source(selector.source(), selector.sourcePos());
        messageGuards = new ArrayList<>();
        Set<String> own = new HashSet<>();
        EventCondition condition = selector.where() == null ? EventCondition.ALWAYS : condition(selector.where(), own);
        captures.addAll(own);
        Set<String> required = RequiredLiterals.of(selector.where());
        PriorityGuard guard = required == null ? PriorityGuard.of(selector.where()) : null;
        return new Step(name, source, condition, required, guard, messageGuards, !own.isEmpty());
    }

    Source source(String name, Pos pos) {
        if (name == null || name.equals("any")) {
            return null;
        }
        try {
            return Source.fromWireName(name);
        } catch (IllegalArgumentException e) {
            String[] names = Arrays.stream(Source.values()).map(Source::wireName).toArray(String[]::new);
            String hint = Suggestions.closest(name, Arrays.asList(names)).map(s -> "did you mean '" + s + "'?")
                    .orElse("sources are " + String.join(", ", names) + ", or 'any'");
            problems.error(pos, "unknown-source", "unknown source '" + name + "'", hint);
            return null;
        }
    }

    /** The checked event-field name of a reference, or null after reporting an unknown field. */
    String field(FieldRef ref) {
        String name = ref.dotted();
        if (EventFields.isKnown(name)) {
            return name;
        }
        problems.error(ref.pos(), "unknown-field", "unknown field '" + name + "'", unknownFieldHint(name));
        return null;
    }

    static String unknownFieldHint(String name) {
        String suggestion = Suggestions.didYouMean(name, EventFields.names());
        if (!suggestion.isEmpty()) {
            return suggestion;
        }
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return "journald's other fields are read as 'fields." + name + "'";
        }
        return "fields are " + String.join(", ", EventFields.names()) + ", and fields.NAME";
    }

    private EventCondition condition(Expr expr, Set<String> captures) {
        if (expr instanceof Expr.And a) {
            EventCondition l = condition(a.left(), captures);
            EventCondition r = condition(a.right(), captures);
            return (e, caps, hits) -> l.test(e, caps, hits) && r.test(e, caps, hits);
        } else if (expr instanceof Expr.Or o) {
            EventCondition l = condition(o.left(), captures);
            EventCondition r = condition(o.right(), captures);
            return (e, caps, hits) -> firstThatHolds(l, r, e, caps, hits);
        } else if (expr instanceof Expr.Not n) {
            EventCondition inner = condition(n.inner(), new HashSet<>());
            return (e, caps, hits) -> !inner.test(e, new HashMap<>(), hits);
        }
        String field = field(((Expr.FieldTest) expr).field());
        if (expr instanceof Expr.RegexTest r) {
            // compiled even on an unknown field: its own errors and captures still count
            EventCondition test = regexTest(field, r, captures);
            return field == null ? EventCondition.ALWAYS : test;
        }
        if (field == null) {
            return EventCondition.ALWAYS;
        }
        if (expr instanceof Expr.Compare c) {
            return compare(field, c);
        } else if (expr instanceof Expr.Contains c) {
            return contains(field, c.text().value());
        } else if (expr instanceof Expr.In in) {
            Set<String> values = in.values().stream().map(Value::text).collect(Collectors.toSet());
            Function<Event, String> read = EventFields.reader(field);
            return (e, caps, hits) -> values.contains(read.apply(e));
        }
        Function<Event, String> read = EventFields.reader(field);
        return (e, caps, hits) -> read.apply(e) != null;
    }

    /**
     * Captures come only from the side that held, so a failed branch leaves nothing behind. Into
     * an empty map (almost always) each side writes directly and a failed one is cleared: an
     * {@code or} is tried on every event its step sees, and two maps per try were most of its cost.
     */
    private static boolean firstThatHolds(EventCondition l, EventCondition r, Event e,
                                          Map<String, String> caps, LiteralHits hits) {
        if (caps.isEmpty()) {
            if (l.test(e, caps, hits)) {
                return true;
            }
            clear(caps);
            if (r.test(e, caps, hits)) {
                return true;
            }
            clear(caps);
            return false;
        }
        Map<String, String> left = new HashMap<>();
        if (l.test(e, left, hits)) {
            caps.putAll(left);
            return true;
        }
        Map<String, String> right = new HashMap<>();
        if (r.test(e, right, hits)) {
            caps.putAll(right);
            return true;
        }
        return false;
    }

    /** Empties a map a failed side may have written to (a step without captures passes one nothing writes to). */
    private static void clear(Map<String, String> caps) {
        if (!caps.isEmpty()) {
            caps.clear();
        }
    }

    private EventCondition compare(String field, Expr.Compare c) {
        String op = c.op();
        String expected = c.value().text();
        Function<Event, String> read = EventFields.reader(field);
        if (op.equals("==")) {
            return (e, caps, hits) -> expected.equals(read.apply(e));
        }
        if (op.equals("!=")) {
            return (e, caps, hits) -> !expected.equals(read.apply(e));
        }
        if (c.value().kind() != Value.Kind.INT || !EventFields.isNumeric(field)) {
            String written = c.value().kind() == Value.Kind.STRING ? "\"" + expected + "\"" : expected;
            problems.error(c.value().pos(), "bad-value", "'" + op + "' compares numbers, not '" + field + " "
                    + op + " " + written + "'", "use '<', '<=', '>', '>=' with a number on a numeric field"
                    + " (pid, priority, facility, fields.NAME)");
            return EventCondition.ALWAYS;
        }
        long limit = Long.parseLong(expected);
        return (e, caps, hits) -> {
            Long actual = parseLong(read.apply(e));
            if (actual == null) {
                return false;
            }
            return switch (op) {
                case "<" -> actual < limit;
                case "<=" -> actual <= limit;
                case ">" -> actual > limit;
                default -> actual >= limit;
            };
        };
    }

    private static Long parseLong(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static EventCondition contains(String field, String text) {
        if (field.equals("flags")) {
            return (e, caps, hits) -> e.flags().contains(text);
        }
        Function<Event, String> read = EventFields.reader(field);
        return (e, caps, hits) -> {
            String v = read.apply(e);
            return v != null && v.contains(text);
        };
    }

    private EventCondition regexTest(String field, Expr.RegexTest r, Set<String> captures) {
        com.google.re2j.Pattern pattern = compileRegex(r.regex());
        if (pattern == null) {
            return EventCondition.ALWAYS;
        }
        Set<String> names = pattern.namedGroups().keySet();
        if (!r.negated()) {
            captures.addAll(names);
        }
        boolean negated = r.negated();
        RegexGuard guard = guard(r);
        if (guard != null && "message".equals(field)) {
            messageGuards.add(guard);
        }
        MatchBudget budget = new MatchBudget(MatchBudget.charsFor(maxMatchChars, RegexLimits.programSize(r.regex().source())),
                "pattern=" + patternName + " regex=" + shown(r.regex()) + " at="
                + problems.path() + ":" + r.regex().pos().line() + ":" + r.regex().pos().column());
        Function<Event, String> read = field == null ? e -> null : EventFields.reader(field);
        RegexRun run = RegexRun.of(pattern, re2Source(r.regex()), r.regex().flags(), !negated && !names.isEmpty(), guard);
        return (e, caps, hits) -> {
            String v = read.apply(e);
            if (v == null || (guard != null && (!hits.mayHold(guard) || !guard.admits(v)))) {
                return negated;
            }
            if (run.booleanOnly()) {
                return run.matches(budget.part(v)) != negated;
            }
            Matcher m = run.find(budget.part(v));
            if (m == null) {
                return false;
            }
            for (String name : names) {
                String g = m.group(name);
                if (g != null) {
                    caps.put(name, g);
                }
            }
            return true;
        };
    }

    /** The quick literal search in front of the regex {@code r}; null when it has none. */
    private static RegexGuard guard(Expr.RegexTest r) {
        boolean ignoreCase = r.regex().flags().contains("i") || CASE_FLAG.matcher(r.regex().source()).find();
        return RegexGuard.of(r.regex().source(), ignoreCase);
    }

    /** The regex as a diagnostic quotes it: a regex of thousands of characters is cut. */
    private static String shown(RegexLit lit) {
        String source = lit.source();
        return "/" + (source.length() <= 60 ? source : source.substring(0, 60) + "…") + "/" + lit.flags();
    }

    /** The regex in RE2's spelling, without its flags. */
    private static String re2Source(RegexLit lit) {
        return JAVA_NAMED_GROUP.matcher(lit.source()).replaceAll("(?P<");
    }

    /** Compiles one regex literal, or reports it and returns null. */
    com.google.re2j.Pattern compileRegex(RegexLit lit) {
        StringBuilder flags = new StringBuilder();
        for (char f : lit.flags().toCharArray()) {
            if ("ism".indexOf(f) < 0) {
                problems.regexError(lit.pos(), "unknown regex flag '" + f + "' in /" + lit.source() + "/" + lit.flags(),
                        "flags are i (ignore case), s (. matches newline), m (^ and $ match at line ends)");
                return null;
            }
            flags.append(f);
        }
        String source = re2Source(lit);
        RegexLimits.Violation tooComplex = RegexLimits.violation(source);
        if (tooComplex != null) {
            problems.regexError(lit.pos(), "regex-too-complex", "regex " + shown(lit) + " is refused: " + tooComplex.reason(),
                    tooComplex.hint());
            return null;
        }
        try {
            return com.google.re2j.Pattern.compile(flags.isEmpty() ? source : "(?" + flags + ")" + source);
        } catch (PatternSyntaxException e) {
            int at = e.getPattern() == null ? -1 : lit.source().indexOf(e.getPattern());
            Pos pos = at < 0 ? lit.pos() : lit.pos().plus(1 + at);
            problems.regexError(pos, "bad regex /" + lit.source() + "/: " + e.getDescription() + " '" + e.getPattern() + "'",
                    RE2_HINT);
            return null;
        }
    }
}
