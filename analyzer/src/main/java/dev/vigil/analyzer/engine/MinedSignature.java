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
 */
public record MinedSignature(String id, String template, List<String> replaces) {
    public MinedSignature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        replaces = List.copyOf(replaces);
    }
}
