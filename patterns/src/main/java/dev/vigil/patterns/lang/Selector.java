package dev.vigil.patterns.lang;

/**
 * Which events a step is about: an optional source ({@code kernel}) and an optional condition.
 * {@code source} is null when any source will do.
 */
public record Selector(String source, Pos sourcePos, Expr where, Pos pos) {}
