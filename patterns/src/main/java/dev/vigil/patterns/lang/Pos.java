package dev.vigil.patterns.lang;

/** A position in a pattern file: 1-based line and 1-based column. */
public record Pos(int line, int column) {
    public Pos {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    /** The position {@code chars} characters to the right on the same line. */
    public Pos plus(int chars) {
        return new Pos(line, column + chars);
    }
}
