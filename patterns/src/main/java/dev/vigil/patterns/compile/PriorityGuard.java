package dev.vigil.patterns.compile;

import dev.vigil.patterns.lang.Expr;
import dev.vigil.patterns.lang.Value;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * For a condition without required literals, what an event it holds for must have: one of the
 * literals in its message, or a priority among {@code priorities} (slots 0-7; {@link #NONE} for an
 * event without one). {@code priority <= 3 or (not priority exists and message ~ /ERROR/)} holds
 * only for priorities 0-3 or messages with {@code error}: the prefilter offers the pattern those
 * events only, not every event of its source. Conservative, as {@link RequiredLiterals}: null when
 * the condition could hold for any event.
 */
record PriorityGuard(Set<String> literals, BitSet priorities) {
    /** The slot of an event without a priority. */
    static final int NONE = 8;
    static final int SLOTS = 9;

    /** The slot of an event of priority {@code priority} (null: none). */
    static int slot(Integer priority) {
        return priority == null || priority < 0 || priority > 7 ? NONE : priority;
    }

    /** The guard of a {@code where} condition, or null when none is known. */
    static PriorityGuard of(Expr expr) {
        if (expr == null) {
            return null;
        }
        Set<String> literals = RequiredLiterals.of(expr);
        if (literals != null) {
            return new PriorityGuard(literals, new BitSet());
        }
        if (expr instanceof Expr.And a) {
            PriorityGuard left = of(a.left());
            PriorityGuard right = of(a.right());
            // both must hold: either side's guard is one; the one letting fewer priorities through is better
            return left == null ? right : right == null || left.priorities.cardinality() <= right.priorities.cardinality()
                    ? left : right;
        }
        if (expr instanceof Expr.Or o) {
            PriorityGuard left = of(o.left());
            PriorityGuard right = of(o.right());
            if (left == null || right == null) {
                return null;
            }
            Set<String> union = new HashSet<>(left.literals);
            union.addAll(right.literals);
            BitSet priorities = (BitSet) left.priorities.clone();
            priorities.or(right.priorities);
            return new PriorityGuard(union, priorities);
        }
        return expr instanceof Expr.Compare c ? ofCompare(c) : null;
    }

    /** {@code priority OP N}: the priorities it holds for (an event without one fails every comparison but {@code !=}). */
    private static PriorityGuard ofCompare(Expr.Compare c) {
        if (!c.field().dotted().equals("priority") || c.value().kind() != Value.Kind.INT || c.op().equals("!=")) {
            return null;
        }
        long limit = Long.parseLong(c.value().text());
        BitSet priorities = new BitSet();
        for (int p = 0; p < NONE; p++) {
            boolean holds = switch (c.op()) {
                case "<" -> p < limit;
                case "<=" -> p <= limit;
                case ">" -> p > limit;
                case ">=" -> p >= limit;
                default -> p == limit;
            };
            if (holds) {
                priorities.set(p);
            }
        }
        return new PriorityGuard(Set.of(), priorities);
    }
}
