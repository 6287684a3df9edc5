package dev.vigil.analyzer.signature;

import java.util.Objects;

/**
 * A message template and its id: the id is {@link SignatureIds#of(String) derived from the
 * template text}, so it is the same on every host, restart and analyzer instance.
 *
 * @param id 16 lower-case hex characters
 * @param template the message with its variable parts written {@code <*>}, tokens separated by
 *     one space
 */
public record Signature(String id, String template) {

    public Signature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
    }

    /** The signature of a template text. */
    public static Signature of(String template) {
        return new Signature(SignatureIds.of(template), template);
    }
}
