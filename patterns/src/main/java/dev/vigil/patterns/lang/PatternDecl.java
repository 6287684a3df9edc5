package dev.vigil.patterns.lang;

import java.util.List;

/**
 * One {@code pattern NAME { … }} block as written.
 *
 * @param canonical the pattern's tokens outside its {@code test} blocks, joined by single
 *     spaces: equal for two versions that only differ in layout, comments or tests
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
