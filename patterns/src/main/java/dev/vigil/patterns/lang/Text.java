package dev.vigil.patterns.lang;

/**
 * A string literal: its value with escapes resolved, the raw token (quotes included) and where
 * the opening quote stands, so a problem inside the string can be pointed at exactly.
 */
public record Text(String value, String raw, Pos pos) {
    /** The position of the first raw character of {@code needle} inside the literal, else the quote. */
    public Pos posOf(String needle) {
        int i = raw.indexOf(needle);
        return i < 0 ? pos : pos.plus(i);
    }
}
