package dev.vigil.patterns.compile;

/**
 * What one scan of an event's message found ({@link PatternSet}): whether the message could hold
 * one of a regex guard's literals. Sound, not exact: "could" is the regex guard's own question
 * after a scan that ignores case; "cannot" spares the regex and the guard's own pass.
 */
interface LiteralHits {
    /** Nothing known: every guard makes its own pass. */
    LiteralHits UNKNOWN = guard -> true;

    /** False when the message holds none of {@code guard}'s literals, whatever their case. */
    boolean mayHold(RegexGuard guard);
}
