/**
 * The Vigil pattern language: the ANTLR4 grammar ({@code Vigil.g4}), {@link
 * dev.vigil.patterns.lang.PatternParser} which turns a file into the AST ({@link
 * dev.vigil.patterns.lang.PatternFile}, {@link dev.vigil.patterns.lang.PatternDecl}, {@link
 * dev.vigil.patterns.lang.Clause}, {@link dev.vigil.patterns.lang.Expr}) and {@link
 * dev.vigil.patterns.lang.Diagnostic}, the one shape every problem in a pattern file takes.
 * The syntax is documented in {@code docs/patterns.md}.
 */
package dev.vigil.patterns.lang;
