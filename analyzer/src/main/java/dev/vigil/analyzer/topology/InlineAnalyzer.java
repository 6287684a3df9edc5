package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.EngineState;
import dev.vigil.analyzer.engine.InMemoryRecentIds;
import dev.vigil.analyzer.engine.InMemoryStateMap;
import dev.vigil.analyzer.engine.PatternEngine;
import dev.vigil.analyzer.engine.RecentIds;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzer's topology for one partition, called in line on one thread without Kafka
 * Streams: the same intake, engine, miner and time-driven work, in the order the topology runs
 * them (an event, then its signed copy; ticks when the clock moves), with state in memory.
 * Offline runs (replay, pattern tests) use it: there is no broker to survive and no other task,
 * so the repartitions, serialisation and per-record commits of the topology would only cost.
 * What needs no engine state ({@link InlineIntake}) may be done ahead on another thread.
 */
public final class InlineAnalyzer {
    private static final Logger log = LoggerFactory.getLogger(InlineAnalyzer.class);

    private final PatternSet patterns;
    private final String eventsTopic;
    private final AtomicLong deadLettered;
    private final Consumer<Incident> incidents;
    private final PatternEngine engine;
    private final InlineIntake intake;
    private Instant clock;
    private Instant nextTick;
    private Instant lastHousekeeping = Instant.EPOCH;

    /**
     * Recent ids that hold none: for an input whose ids cannot repeat, where every lookup would
     * miss and every id kept for the dedupe window would only cost.
     */
    private static final RecentIds NONE = new RecentIds() {
        @Override
        public boolean contains(String id, Instant now) {
            return false;
        }

        @Override
        public void remember(String id, Instant now) {
            // nothing can be sent twice
        }
    };

    /**
     * @param eventsTopic the topic events are taken to come from (part of the ids events are given)
     * @param incidents receives every incident record, as the topology would write it
     */
    public InlineAnalyzer(PatternSet patterns, String eventsTopic, AtomicLong deadLettered, Consumer<Incident> incidents) {
        this(patterns, eventsTopic, deadLettered, incidents, true);
    }

    /**
     * @param idsMayRepeat false when no two events of the input can have one id (each has the
     *     position it was read at in its own id): then re-sent events are not looked for
     */
    public InlineAnalyzer(PatternSet patterns, String eventsTopic, AtomicLong deadLettered, Consumer<Incident> incidents,
            boolean idsMayRepeat) {
        this.patterns = patterns;
        this.eventsTopic = eventsTopic;
        this.deadLettered = deadLettered;
        this.incidents = incidents;
        EngineState state = new EngineState(new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemoryStateMap<>(),
                new InMemoryStateMap<>(), new InMemoryStateMap<>(), new InMemoryStateMap<>(),
                idsMayRepeat ? new InMemoryRecentIds(PatternEngine.DEDUPE_WINDOW) : NONE, new InMemoryStateMap<>());
        this.engine = new PatternEngine(() -> patterns, state);
        this.intake = new InlineIntake(patterns, eventsTopic);
    }

    /** Starts the analyzer's clock at {@code at}; time-driven work is due from one tick after it. */
    public void start(Instant at) {
        clock = at;
        nextTick = at.plus(PatternProcessor.TICK);
    }

    /** The analyzer's clock. */
    public Instant clock() {
        return clock;
    }

    /**
     * Processes one event, received (as its record's time says) at {@code receivedAt}: the
     * intake, the engine, and, when a signature pattern counts it, the miner and the engine again.
     */
    public void process(Event raw, Instant receivedAt) {
        process(intake.prepare(raw, receivedAt));
    }

    /**
     * The intake of this analyzer's events, for a caller that prepares them ahead on another
     * thread; {@link #process(InlineIntake.Prepared)} takes what it made, in the same order.
     */
    public InlineIntake intake() {
        return intake;
    }

    /** Runs the engine on an event its intake prepared: the event, then its signed copy. */
    public void process(InlineIntake.Prepared p) {
        if (p.refusal() != null) {
            long count = deadLettered.incrementAndGet();
            log.warn("Refused event topic={} partition=0 offset={} reason=\"{}\" deadLettered={}", eventsTopic,
                    p.position(), p.refusal(), count);
            return;
        }
        Event e = p.event();
        // the intake's scan, so the engine's asks for this event's patterns are answered without one
        patterns.take(p.scan());
        if (e.isShipperEvent(PatternProcessor.END_OF_INPUT)) {
            emit(engine.onEndOfInput(clock));
            housekeeping(clock);
        } else {
            emit(engine.onEvent(e, p.receivedAt(), clock));
        }
        if (p.signed() != null) {
            emit(engine.onSignedEvent(p.signed(), p.signature(), clock));
        }
    }

    /** Moves the analyzer's clock to {@code at}, running the time-driven work due by then. */
    public void advanceTo(Instant at) {
        if (!at.isAfter(clock)) {
            return;
        }
        clock = at;
        if (clock.isBefore(nextTick)) {
            return;
        }
        // one tick however far the clock moved, as a punctuator runs once for the intervals it missed
        long tickMillis = PatternProcessor.TICK.toMillis();
        long missed = Duration.between(nextTick, clock).toMillis() / tickMillis;
        nextTick = nextTick.plusMillis((missed + 1) * tickMillis);
        emit(engine.onTick(clock));
        if (!clock.isBefore(lastHousekeeping.plus(PatternProcessor.HOUSEKEEPING))) {
            housekeeping(clock);
        }
    }

    private void housekeeping(Instant now) {
        engine.expire(now);
        lastHousekeeping = now;
    }

    private void emit(List<Incident> out) {
        out.forEach(incidents);
    }
}
