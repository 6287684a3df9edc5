package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.List;

/**
 * Runs the patterns of one kind. The {@link PatternEngine} hands each handler the events its
 * patterns may match (the prefilter's candidates) and calls it on the analyzer's ticks; shared
 * work (episodes, linking, cause lines, host clocks, expiry) is in the {@link EngineContext} the
 * handler was made with. A handler keeps its own state in an {@link ExpiringStore} from
 * {@link EngineContext#store}, which plans what it can drop, so it needs no expiry code of its own.
 * Handlers are registered in {@link PatternHandlers}.
 */
public interface PatternHandler {
    /** An event that a pattern {@code p} of this handler's kind may match; appends the incident records it causes. */
    void onEvent(CompiledPattern p, Event e, Instant now, List<Incident> out);

    /** An event {@link #onEvent} already saw, now with its mined signature (signature patterns only). */
    default void onSignedEvent(CompiledPattern p, Event e, MinedSignature signature, Instant now, List<Incident> out) {}

    /** Time-driven work of this kind, before the episodes' own: what its schedules say is due at {@code now}. */
    default void onTick(Instant now, List<Incident> out) {}

    /** End of a replayed input: what must be said before the run ends. */
    default void onEndOfInput(Instant now, List<Incident> out) {}
}
