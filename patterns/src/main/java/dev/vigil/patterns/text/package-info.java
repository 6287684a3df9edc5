/**
 * Text searches shared by the prefilter, the regex guards and redaction: {@link
 * dev.vigil.patterns.text.LiteralIndex} finds every one of many literals in one pass over a line,
 * so the analyzer's cost for a line no pattern wants stays one scan, however many patterns and
 * redaction rules are loaded.
 */
package dev.vigil.patterns.text;
