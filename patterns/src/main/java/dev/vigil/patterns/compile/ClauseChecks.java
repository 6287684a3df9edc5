package dev.vigil.patterns.compile;

import dev.vigil.patterns.lang.Clause;
import dev.vigil.patterns.lang.PatternDecl;
import java.util.List;
import java.util.Locale;

/** Checks which clauses a pattern holds, how often and with which others, and tells its kind from them. */
final class ClauseChecks {
    /** Clauses a pattern may hold at most once. */
    private static final List<Class<? extends Clause>> SINGLE = List.of(Clause.Description.class, Clause.Match.class,
            Clause.GroupBy.class, Clause.Threshold.class, Clause.Once.class, Clause.Signature.class, Clause.Claim.class, Clause.Sequence.class,
            Clause.Absence.class, Clause.Graceful.class, Clause.WhileHostAlive.class, Clause.Quiet.class,
            Clause.Renotify.class, Clause.Cause.class, Clause.Gather.class, Clause.Link.class, Clause.LinkAny.class, Clause.Type.class, Clause.Severity.class, Clause.Subject.class,
            Clause.Summary.class);

    private final Problems problems;

    ClauseChecks(Problems problems) {
        this.problems = problems;
    }

    void checkSingles(PatternDecl decl) {
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

    PatternKind kind(PatternDecl decl) {
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
        // an absence reads every line of its stream: claiming them would leave signatures nothing
        decl.clauses(Clause.Claim.class).stream().findFirst().filter(c -> absence).ifPresent(c -> problems.error(c.pos(),
                "conflicting-clauses", "'claim' gives a pattern the lines its 'match' or 'sequence' steps read; an 'absence' reads every line of its stream",
                "remove it"));
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
}
