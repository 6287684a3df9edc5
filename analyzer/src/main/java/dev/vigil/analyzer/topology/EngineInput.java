package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.patterns.event.Event;
import java.util.Objects;

/**
 * What the pattern processor reads: an event as it came in, or the same event back from the
 * signature miner with its signature, for the signature patterns.
 *
 * @param signature null for an event as it came in
 */
record EngineInput(Event event, MinedSignature signature) {
    EngineInput {
        Objects.requireNonNull(event, "event");
    }

    static EngineInput unsigned(Event event) {
        return new EngineInput(event, null);
    }
}
