package dev.vigil.patterns.lang;

import java.util.List;

/**
 * One {@code pattern NAME { … }} block as written.
 *
 * @param canonical what the pattern detects: its tokens outside tests and wording (description,
 *     severity, subject, summary, labels), joined by single spaces; equal for two versions that
 *     only differ in layout, comments, tests or wording
 */
public record PatternDecl(String name, Pos pos, List<Clause> clauses, String canonical) {
    public PatternDecl {
        clauses = List.copyOf(clauses);
    }

    /** The clauses of one kind, in source order. */
    public <T extends Clause> List<T> clauses(Class<T> kind) {
        return clauses.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
