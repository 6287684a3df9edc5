package dev.vigil.analyzer.engine.absence;

import dev.vigil.analyzer.engine.EvidenceItem;
import dev.vigil.patterns.compile.AbsenceSpec;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.compile.Step;
import dev.vigil.patterns.event.Event;
import java.util.Map;
import java.util.Objects;

/**
 * What a stream keeps of its last line: the line as evidence, whether it ended the stream
 * gracefully, and its template variables. Worked out when first read: a stream takes every line
 * of its file, and nearly every line is followed by another before anything reads the last one
 * (a tick's plan, an incident, the store's write at a commit), so a line costs a reference
 * instead of a quoted copy and a run of the graceful marker. Equal by the three values.
 */
public final class LastLine {
    /** The line, until both its evidence and its graceful mark are worked out; then null. */
    private Event event;
    /** The pattern's graceful marker, while {@link #event} is held; null when it has none. */
    private Step marker;
    private EvidenceItem item;
    private Boolean graceful;
    private final Map<String, String> vars;

    private LastLine(Event event, Step marker, EvidenceItem item, Boolean graceful, Map<String, String> vars) {
        this.event = event;
        this.marker = marker;
        this.item = item;
        this.graceful = graceful;
        this.vars = vars;
    }

    /** The line {@code e} that pattern {@code p} (an absence) matched with {@code m}, read when needed. */
    static LastLine of(CompiledPattern p, Event e, Match m) {
        Step marker = p.absence().flatMap(AbsenceSpec::graceful).orElse(null);
        return new LastLine(e, marker, null, null, new LineVars(p, e, m));
    }

    /** A line as stored: its values known. */
    static LastLine of(EvidenceItem item, boolean graceful, Map<String, String> vars) {
        Objects.requireNonNull(item, "last");
        // a line's variables are worked out when first read (most never are); they are immutable already
        return new LastLine(null, null, item, graceful, vars instanceof LineVars ? vars : Map.copyOf(vars));
    }

    /** The line's event id, without quoting the line: asked of every next line, to tell one re-sent. */
    String id() {
        Event e = event;
        return e != null ? e.id() : item.id();
    }

    /** The line as an incident quotes it. */
    EvidenceItem item() {
        if (item == null) {
            item = EvidenceItem.of(event);
            release();
        }
        return item;
    }

    /**
     * Whether the line is one of the pattern's graceful markers: the marker's own match, which
     * the set's prefilter would only have spared for a line that lacks its literals.
     */
    boolean graceful() {
        if (graceful == null) {
            graceful = marker != null && marker.match(event).isPresent();
            release();
        }
        return graceful;
    }

    Map<String, String> vars() {
        return vars;
    }

    private void release() {
        if (item != null && graceful != null) {
            event = null;
            marker = null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LastLine other && item().equals(other.item()) && graceful() == other.graceful()
                && vars.equals(other.vars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(item(), graceful(), vars);
    }

    @Override
    public String toString() {
        return "LastLine[item=" + item() + ", graceful=" + graceful() + ", vars=" + vars + "]";
    }
}
