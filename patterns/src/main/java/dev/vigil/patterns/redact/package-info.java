/**
 * Secrets kept out of what Vigil writes: {@link dev.vigil.patterns.redact.Redactor} replaces
 * credentials in log text (URL passwords, Authorization headers, {@code password=} pairs, JWTs,
 * cloud and chat tokens, private-key blocks) before incidents, signatures and dead letters are
 * built from it. The built-in rules are in {@link dev.vigil.patterns.redact.BuiltInRedactions};
 * pattern files add or switch off rules with {@code redact} declarations.
 */
package dev.vigil.patterns.redact;
