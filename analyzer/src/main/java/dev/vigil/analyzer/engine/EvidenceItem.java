package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.Objects;

/** An event as remembered in state: just what an incident's evidence shows. */
public record EvidenceItem(String id, Instant ts, String source, String message) {
    public EvidenceItem {
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(message, "message");
    }

    static EvidenceItem of(Event e) {
        return new EvidenceItem(e.id(), e.ts(), e.source().wireName(), e.message());
    }

    Incident.Evidence toEvidence() {
        return new Incident.Evidence(id, ts, source, message);
    }
}
