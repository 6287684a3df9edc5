package dev.vigil.analyzer.engine;

/**
 * Mines the template of a message for signature patterns: the same template, whatever the
 * numbers and ids in the line, gives the same signature id on every host and instance.
 */
public interface MessageTemplates {
    /** The signature of {@code message}, learning from it. */
    MinedSignature mine(String message);

    /** A message's signature: a stable id and the template text with parameters masked. */
    record MinedSignature(String id, String template) {}
}
