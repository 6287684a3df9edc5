/**
 * {@link dev.vigil.patterns.lint.PatternLinter}: every problem of a pattern file (syntax,
 * compile errors, warnings) as {@link dev.vigil.patterns.lang.Diagnostic}s, rendered like
 * compiler output for {@code vigil patterns lint}.
 */
package dev.vigil.patterns.lint;
