package dev.vigil.analyzer.engine;

import java.util.List;
import java.util.Objects;

/**
 * The signature mined from an event's message, for signature patterns: one miner owns every
 * message of a shape, so the same template has the same id on every host and instance.
 *
 * @param id the template's id
 * @param template the message with its parameters masked as {@code <*>}
 * @param replaces ids this template went by before it generalised (its more specific forms):
 *     what a host counted under them counts under {@code id} from now on
 * @param patterns the signature patterns the event matched before it was mined, which count it;
 *     empty when not known (a copy an older Vigil signed): the event is matched again
 */
public record MinedSignature(String id, String template, List<String> replaces, List<String> patterns) {
    public MinedSignature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        replaces = List.copyOf(replaces);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

    /** A signature that names no pattern: every signature pattern the event matches counts it. */
    public MinedSignature(String id, String template, List<String> replaces) {
        this(id, template, replaces, List.of());
    }
}
