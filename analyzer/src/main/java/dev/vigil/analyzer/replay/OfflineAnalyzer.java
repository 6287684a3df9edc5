package dev.vigil.analyzer.replay;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.topology.InlineAnalyzer;
import dev.vigil.analyzer.topology.InlineIntake;
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

    private final AtomicLong deadLettered = new AtomicLong();
    /**
     * The last record of each incident: a long replay updates its incidents thousands of times,
     * and only the last of each is ever read back.
     */
    private final Map<String, Incident> latest = new LinkedHashMap<>();
    private final InlineAnalyzer analyzer;
    /** Whether an event came in: the analyzer's clock starts at the first. */
    private boolean started;

    /** Offline, the analyzer's state is in memory and bounded by its expiry: there is no folder to give it. */
    public OfflineAnalyzer(PatternSet patterns) {
        this(patterns, true);
    }

    /**
     * @param idsMayRepeat false when no two input events can share an id (see {@link
     *     Replay#idsMayRepeat}): re-sent events are then not looked for
     */
    OfflineAnalyzer(PatternSet patterns, boolean idsMayRepeat) {
        this.analyzer = new InlineAnalyzer(patterns, VigilTopics.EVENTS, deadLettered, i -> latest.put(i.id(), i),
                idsMayRepeat);
    }

    /** Feeds one event; events should come in time order (a late one is processed at the current clock). */
    public void feed(Event e) {
        feed(prepare(e));
    }

    /**
     * The first half of {@link #feed(Event)}, which needs no engine state: it may run on another
     * thread, ahead, one event at a time in input order; {@link #feed(InlineIntake.Prepared)}
     * then takes its results in that order.
     */
    InlineIntake.Prepared prepare(Event e) {
        // the record time of an event on vigil.events: its own time, to the millisecond
        Instant receivedAt = e.ts().getNano() % 1_000_000 == 0 ? e.ts() : Instant.ofEpochMilli(e.ts().toEpochMilli());
        return analyzer.intake().prepare(e, receivedAt);
    }

    /** The second half of {@link #feed(Event)}: the clock and the engine. */
    void feed(InlineIntake.Prepared p) {
        Instant ts = p.raw().ts();
        if (!started) {
            analyzer.start(ts);
            started = true;
        }
        if (ts.isAfter(analyzer.clock().plus(CLOCK_STEP))) {
            analyzer.advanceTo(ts);
        }
        analyzer.process(p);
    }

    /** Advances the analyzer's clock to {@code at} without an event (time passing in silence). */
    public void advanceTo(Instant at) {
        if (started) {
            analyzer.advanceTo(at);
        }
    }

    /**
     * Closes the input and returns the last state of every incident, in order of first appearance.
     * Events prepared ahead must all have been fed.
     */
    public List<Incident> finish() {
        if (!started) {
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
