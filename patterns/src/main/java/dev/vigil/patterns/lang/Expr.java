package dev.vigil.patterns.lang;

import java.util.List;

/** A condition on one event, as written after {@code where}. */
public sealed interface Expr {
    /** Where the condition starts. */
    Pos pos();

    /** Both sides hold. */
    record And(Expr left, Expr right, Pos pos) implements Expr {}

    /** Either side holds; captures come from the side that matched. */
    record Or(Expr left, Expr right, Pos pos) implements Expr {}

    /** The inner condition does not hold; it contributes no captures. */
    record Not(Expr inner, Pos pos) implements Expr {}

    /** A condition on one named field of the event. */
    sealed interface FieldTest extends Expr permits Compare, RegexTest, Contains, In, Exists {
        FieldRef field();
    }

    /** {@code field == value}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}. */
    record Compare(FieldRef field, String op, Value value, Pos pos) implements FieldTest {}

    /** {@code field ~ /regex/} or {@code field !~ /regex/}. */
    record RegexTest(FieldRef field, boolean negated, RegexLit regex, Pos pos) implements FieldTest {}

    /** {@code field contains "text"}: a plain substring test, no regex. */
    record Contains(FieldRef field, Text text, Pos pos) implements FieldTest {}

    /** {@code field in ["a", "b"]}. */
    record In(FieldRef field, List<Value> values, Pos pos) implements FieldTest {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code field exists}: the event has a value for it. */
    record Exists(FieldRef field, Pos pos) implements FieldTest {}
}
