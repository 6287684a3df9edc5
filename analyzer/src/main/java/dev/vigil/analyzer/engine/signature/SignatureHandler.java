package dev.vigil.analyzer.engine.signature;

import dev.vigil.analyzer.engine.MinedSignature;
import dev.vigil.analyzer.engine.PatternHandler;
import dev.vigil.analyzer.engine.threshold.ThresholdHandler;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.List;

/**
 * {@code signature} patterns: a matching event is counted when it comes back with its mined
 * signature, in a threshold window per template; the first sight of the event is not counted.
 */
public final class SignatureHandler implements PatternHandler {
    private final ThresholdHandler windows;

    public SignatureHandler(ThresholdHandler windows) {
        this.windows = windows;
    }

    @Override
    public void onEvent(CompiledPattern p, Event e, Instant now, List<Incident> out) {
        // counted when the event comes back signed (onSignedEvent)
    }

    @Override
    public void onSignedEvent(CompiledPattern p, Event e, MinedSignature signature, Instant now, List<Incident> out) {
        windows.count(p, e, signature, now, out);
    }
}
