package dev.vigil.patterns.lang;

/** A regular expression literal {@code /source/flags}; {@code source} has {@code \/} unescaped. */
public record RegexLit(String source, String flags, Pos pos) {}
