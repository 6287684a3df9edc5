package dev.vigil.patterns.compile;

/** What a pattern detects, which decides which parts of {@link CompiledPattern} apply. */
public enum PatternKind {
    /** Each matching event is (part of) an incident; {@link CompiledPattern#groupBy()} merges lines of one happening. */
    MATCH,
    /** Count (or distinct count) of matching events per group key in a sliding window reaches a minimum. */
    THRESHOLD,
    /**
     * The message's mined template is part of the group key; with a {@link CompiledPattern#threshold()}
     * it counts like THRESHOLD, without one every new template fires on its first event.
     */
    SIGNATURE,
    /** Events matching each step, in order, on the same key and joins, within a time bound. */
    SEQUENCE,
    /** A stream matching the step goes silent without a graceful marker. */
    ABSENCE
}
