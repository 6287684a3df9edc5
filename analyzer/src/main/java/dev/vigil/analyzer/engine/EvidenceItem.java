package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.Objects;

/** An event as remembered in state: just what an incident's evidence shows. */
public record EvidenceItem(String id, Instant ts, String source, String message) {
    /**
     * Characters of a message an incident quotes. Lines may be 1 MiB; an incident quotes up to
     * eight of them and must stay a small record (topics take 1 MiB by default), and state too.
     */
    public static final int MAX_MESSAGE_CHARS = 4096;

    public EvidenceItem {
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(message, "message");
    }

    public static EvidenceItem of(Event e) {
        String m = e.message();
        String quoted = m.length() <= MAX_MESSAGE_CHARS ? m
                : m.substring(0, MAX_MESSAGE_CHARS) + "… [" + (m.length() - MAX_MESSAGE_CHARS) + " more characters]";
        return new EvidenceItem(e.id(), e.ts(), e.source().wireName(), quoted);
    }

    Incident.Evidence toEvidence() {
        return new Incident.Evidence(id, ts, source, message);
    }
}
