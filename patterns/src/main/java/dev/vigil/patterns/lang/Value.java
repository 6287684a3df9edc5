package dev.vigil.patterns.lang;

/** A literal on the right of a comparison or assignment: a string, an integer or a boolean. */
public record Value(Kind kind, String text, Pos pos) {
    /** Which literal syntax the value was written in. */
    public enum Kind { STRING, INT, BOOL }
}
