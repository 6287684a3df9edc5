package dev.vigil.analyzer.replay;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.topology.InlineAnalyzer;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The analyzer's own processing run offline, without a broker: events go in in time order, the
 * analyzer's clock follows the events' time (so quiet periods and silences are measured on
 * it), and the last state of each incident comes out. {@code vigil replay} and
 * {@code vigil patterns test} both run on it, so what they show is what the live analyzer does.
 */
public final class OfflineAnalyzer implements AutoCloseable {
    /** The analyzer's clock moves in steps of at least this much, so time-driven work runs once per step. */
    static final Duration CLOCK_STEP = Duration.ofSeconds(1);
    /** Host name of the marker event that closes the input. */
    static final String MARKER_HOST = "vigil-replay";

    private final PatternSet patterns;
    private final AtomicLong deadLettered = new AtomicLong();
    /**
     * The last record of each incident: a long replay updates its incidents thousands of times,
     * and only the last of each is ever read back.
     */
    private final Map<String, Incident> latest = new LinkedHashMap<>();
    private final boolean idsMayRepeat;
    private InlineAnalyzer analyzer;

    /** Offline, the analyzer's state is in memory and bounded by its expiry: there is no folder to give it. */
    public OfflineAnalyzer(PatternSet patterns) {
        this(patterns, true);
    }

    /**
     * @param idsMayRepeat false when no two input events can share an id (see {@link
     *     Replay#idsMayRepeat}): re-sent events are then not looked for
     */
    OfflineAnalyzer(PatternSet patterns, boolean idsMayRepeat) {
        this.patterns = patterns;
        this.idsMayRepeat = idsMayRepeat;
    }

    /** Feeds one event; events should come in time order (a late one is processed at the current clock). */
    public void feed(Event e) {
        if (analyzer == null) {
            analyzer = new InlineAnalyzer(patterns, VigilTopics.EVENTS, deadLettered, i -> latest.put(i.id(), i),
                    idsMayRepeat);
            analyzer.start(e.ts());
        }
        if (e.ts().isAfter(analyzer.clock().plus(CLOCK_STEP))) {
            analyzer.advanceTo(e.ts());
        }
        // the record time of an event on vigil.events: its own time, to the millisecond
        analyzer.process(e, e.ts().getNano() % 1_000_000 == 0 ? e.ts() : Instant.ofEpochMilli(e.ts().toEpochMilli()));
    }

    /** Advances the analyzer's clock to {@code at} without an event (time passing in silence). */
    public void advanceTo(Instant at) {
        if (analyzer != null) {
            analyzer.advanceTo(at);
        }
    }

    /** Closes the input and returns the last state of every incident, in order of first appearance. */
    public List<Incident> finish() {
        if (analyzer == null) {
            return List.of();
        }
        Instant clock = analyzer.clock();
        Event end = Event.builder(MARKER_HOST, Source.SHIPPER, clock, "end of input")
                .identifier("end_of_input").build();
        analyzer.process(end, Instant.ofEpochMilli(clock.toEpochMilli()));
        List<Incident> out = new ArrayList<>();
        // as written to and read from vigil.incidents
        latest.values().forEach(i -> out.add(IncidentJson.parse(IncidentJson.toJson(i).getBytes(StandardCharsets.UTF_8))));
        return List.copyOf(out);
    }

    /** Input records refused as invalid. */
    public long deadLettered() {
        return deadLettered.get();
    }

    @Override
    public void close() {
        // nothing is held outside the heap
    }
}
