package dev.vigil.patterns.lang;

/**
 * A {@code redact} declaration of a pattern file.
 *
 * @param name the rule's name; a built-in rule's name replaces or switches off that rule
 * @param regex what to remove; null for {@code redact NAME off}
 * @param replacement what replaces a match ({@code $1}… insert its groups); null for the default mask
 * @param pos where the declaration starts
 */
public record RedactDecl(String name, RegexLit regex, String replacement, Pos pos) {
    /** True for {@code redact NAME off}. */
    public boolean off() {
        return regex == null;
    }
}
