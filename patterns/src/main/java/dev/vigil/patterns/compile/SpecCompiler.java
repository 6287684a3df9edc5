package dev.vigil.patterns.compile;

import dev.vigil.patterns.lang.Clause;
import dev.vigil.patterns.lang.DurationLit;
import dev.vigil.patterns.lang.FieldRef;
import dev.vigil.patterns.lang.PatternDecl;
import dev.vigil.patterns.lang.Pos;
import dev.vigil.patterns.lang.Selector;
import dev.vigil.patterns.lang.Suggestions;
import dev.vigil.patterns.lang.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles the clauses that say when a pattern fires: threshold and once, sequence and joins,
 * absence, cause, gather and link, each with its time bound checked.
 */
final class SpecCompiler {
    private final Problems problems;
    private final ConditionCompiler conditions;

    SpecCompiler(Problems problems, ConditionCompiler conditions) {
        this.problems = problems;
        this.conditions = conditions;
    }

    Threshold threshold(PatternDecl decl, PatternNames names) {
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
                names.reportUnknown(t.distinct().dotted(), t.distinct().pos(), problems);
            }
        }
        Duration window = bounded(t.within(), t.pos(), "threshold", "threshold count >= " + t.min() + " within 10m");
        if (t.min() < 1) {
            problems.error(t.pos(), "bad-value", "'threshold … >= 0' fires without any event",
                    "count from 1, e.g. 'threshold count >= 1 within " + (t.within() == null ? "10m" : t.within().text()) + "'");
            return null;
        }
        Optional<OnceSpec> once = once(decl);
        Optional<String> reach = Optional.empty();
        if (t.reach() != null) {
            if (names.isValue(t.reach().dotted())) {
                reach = Optional.of(t.reach().dotted());
            } else if (!problems.regexFailed()) {
                names.reportUnknown(t.reach().dotted(), t.reach().pos(), problems);
            }
        }
        return window == null ? null : new Threshold(distinct, t.min(), window, once, reach, t.reachMin());
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

    SequenceSpec sequence(PatternDecl decl, PatternNames names) {
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

    private String[] stepValue(FieldRef ref, PatternNames names) {
        List<String> parts = ref.parts();
        if (parts.size() < 2 || !names.steps().contains(parts.get(0))) {
            String hint = parts.size() < 2 ? "name the step, e.g. '" + names.steps().get(0) + "." + ref.dotted() + "'"
                    : Suggestions.didYouMean(parts.get(0), names.steps());
            problems.error(ref.pos(), "unknown-step", "'" + ref.dotted() + "' does not name a step of the sequence",
                    hint.isEmpty() ? "steps are " + String.join(", ", names.steps()) : hint);
            return null;
        }
        if (!names.isValue(ref.dotted()) && !problems.regexFailed()) {
            names.reportUnknown(ref.dotted(), ref.pos(), problems);
            return null;
        }
        return new String[] {parts.get(0), String.join(".", parts.subList(1, parts.size()))};
    }

    AbsenceSpec absence(PatternDecl decl) {
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

    CauseSpec cause(PatternDecl decl) {
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

    /** The longer period of {@code quiet 5s, 15s for same NAME}, or null without one. */
    QuietSame quietSame(PatternDecl decl, PatternKind kind, PatternNames names, Duration quiet) {
        return decl.clauses(Clause.Quiet.class).stream().findFirst().filter(q -> q.same() != null).map(q -> {
            if (kind != PatternKind.MATCH) {
                problems.error(q.pos(), "bad-value", "'quiet … for same " + q.same() + "' joins the lines of one happening,"
                        + " which only a pattern without threshold, sequence, absence or signature has", "write 'quiet "
                        + q.duration().text() + "'");
                return null;
            }
            if (!names.captures().contains(q.same())) {
                problems.error(q.pos(), "unknown-capture", "'" + q.same() + "' is not a capture of this pattern",
                        "captures here: " + (names.captures().isEmpty() ? "none" : String.join(", ", names.captures())));
                return null;
            }
            Duration longer = bounded(q.longer(), q.pos(), "quiet", "quiet 5s, 15s for same " + q.same());
            if (longer == null || quiet == null) {
                return null;
            }
            if (longer.compareTo(quiet) <= 0) {
                problems.error(q.longer().pos(), "bad-value", "'" + q.longer().text() + " for same " + q.same()
                        + "' is not longer than the quiet period " + q.duration().text(), "give the same value more time than any line");
                return null;
            }
            return new QuietSame(longer, q.same());
        }).orElse(null);
    }

    /** The {@code gather} clause; its capture becomes a variable of the pattern's templates. */
    GatherSpec gather(PatternDecl decl, Set<String> captures) {
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

    LinkSpec link(PatternDecl decl) {
        return decl.clauses(Clause.Link.class).stream().findFirst().map(l -> {
            Duration within = bounded(l.within(), l.pos(), "link", "link " + String.join(", ", l.types()) + " within 15m");
            return within == null ? null : new LinkSpec(Set.copyOf(l.types()), within);
        }).orElse(null);
    }

    LinkAnySpec linkAny(PatternDecl decl, PatternNames names) {
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
}
