package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.PatternKind;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs compiled patterns over events: it counts re-sent events once, moves each host's clock, hands
 * each event to the {@link PatternHandler} of every candidate pattern's kind, and runs the
 * incident lifecycle's time-driven part. It has no Kafka in it: the topology calls
 * {@link #onEvent} per event and {@link #onTick} from a punctuator, and keeps {@link EngineState}
 * in stores. Signature patterns count an event when it comes back with its mined signature
 * ({@link #onSignedEvent}): the miner that owns the message's shape is elsewhere, so that one
 * template has one id on every host. All times are event times, except {@code now}, the
 * analyzer's clock (the wall clock live, the replayed events' time offline), which paces updates
 * and tells a host that went quiet.
 */
public final class PatternEngine {
    /** An incident is re-sent at most this often while it changes. */
    public static final Duration UPDATE_INTERVAL = Duration.ofSeconds(1);
    /** Re-sent events with an id processed within this window (on the analyzer's clock) are dropped. */
    public static final Duration DEDUPE_WINDOW = Duration.ofHours(1);
    /** Resolved episodes are forgotten after this long. */
    public static final Duration RESOLVED_RETENTION = Duration.ofHours(1);
    /** Streams silent this long are forgotten. */
    public static final Duration STREAM_RETENTION = Duration.ofDays(7);

    private final Supplier<PatternSet> patterns;
    private final EngineContext ctx;
    private final Map<PatternKind, PatternHandler> handlers;
    /** The set the state was built with; rebuilt by init as the current set, so it is not state. */
    private PatternSet running;

    public PatternEngine(Supplier<PatternSet> patterns, EngineState state) {
        this.patterns = Objects.requireNonNull(patterns, "patterns");
        this.ctx = new EngineContext(patterns, state);
        this.handlers = PatternHandlers.create(ctx);
        this.running = patterns.get();
        // the schedules live in memory: a (re)started task plans what its stores hold
        ctx.planAll();
    }

    /**
     * Processes one event that reached Kafka at {@code receivedAt}; returns the incident records
     * it causes (possibly none). Signature patterns wait for the event to come back signed
     * ({@link #onSignedEvent}); the topology's signature route sends it to be mined.
     */
    public List<Incident> onEvent(Event e, Instant receivedAt, Instant now) {
        List<Incident> out = new ArrayList<>();
        PatternSet set = currentSet(out);
        ctx.inputLag().arrived(receivedAt, now);
        // a re-sent event is dropped by the first step that would count it (FirstCount): the host
        // clock, absence streams and evidence rings take it again without changing
        ctx.firstCount().next(e.id(), now);
        ctx.advanceHostClock(e, now);
        // by index: an iterator per event stays an allocation under the launcher's small inlining limits
        List<CompiledPattern> candidates = set.candidates(e);
        for (int i = 0; i < candidates.size(); i++) {
            CompiledPattern p = candidates.get(i);
            handlers.get(p.kind()).onEvent(p, e, now, out);
        }
        ctx.causes().remember(set, e);
        return out;
    }

    /**
     * Counts an event that {@link #onEvent} already processed, now with its mined signature, for
     * the signature patterns. Signed copies are deduplicated by event id like events: a re-sent
     * event comes back signed twice and is counted once.
     */
    public List<Incident> onSignedEvent(Event e, MinedSignature signature, Instant now) {
        List<Incident> out = new ArrayList<>();
        PatternSet set = currentSet(out);
        ctx.firstCount().next(FirstCount.signedKey(e.id()), now);
        for (CompiledPattern p : signaturePatterns(set, e, signature)) {
            if (p.kind() == PatternKind.SIGNATURE) {
                handlers.get(p.kind()).onSignedEvent(p, e, signature, now, out);
            }
        }
        return out;
    }

    /** The patterns the signature names, still loaded; a signature naming none (an older Vigil's) means match again. */
    private static List<CompiledPattern> signaturePatterns(PatternSet set, Event e, MinedSignature signature) {
        if (signature.patterns().isEmpty()) {
            return set.candidates(e);
        }
        List<CompiledPattern> named = new ArrayList<>(signature.patterns().size());
        for (String name : signature.patterns()) {
            set.byName(name).ifPresent(named::add);
        }
        return named;
    }

    /** Time-driven work: silent streams, pending updates, re-notification, quiet episodes. */
    public List<Incident> onTick(Instant now) {
        List<Incident> out = new ArrayList<>();
        currentSet(out);
        ctx.deliverHostMoves();
        handlers.values().forEach(h -> h.onTick(now, out));
        EpisodeTicks ticks = ctx.episodeTicks();
        for (String key : ticks.schedule().takeDue(now, ctx::hostTime)) {
            EpisodeState ep = ctx.episodes().get(key);
            if (ep != null) {
                ticks.tick(ctx, key, ep, now, out);
            }
            ctx.episodes().replan(key);
        }
        return out;
    }

    /**
     * End of a replayed input: streams whose last line was cut are truncated (still-active
     * streams are not), and every pending change is sent.
     */
    public List<Incident> onEndOfInput(Instant now) {
        List<Incident> out = new ArrayList<>();
        handlers.values().forEach(h -> h.onEndOfInput(now, out));
        for (Map.Entry<String, EpisodeState> entry : ctx.episodes().entries()) {
            ctx.episodeTicks().tick(ctx, entry.getKey(), entry.getValue(), now, out);
            EpisodeState ep = ctx.episodes().get(entry.getKey());
            CompiledPattern p = patterns.get().byName(ep.pattern()).orElse(null);
            if (p != null) {
                ctx.episodes().emitIfDue(entry.getKey(), ep, p, now, UPDATE_INTERVAL, true, out);
            }
        }
        return out;
    }

    /** How many partial matches ({@code partial}) and kills ({@code kill}) were dropped at their limits since the start. */
    public Map<String, Long> droppedAtLimit() {
        return ctx.dropCounts();
    }

    /** Forgets what no pattern can use any more; bounded state, called now and then. */
    public void expire(Instant now) {
        ctx.expire(now);
    }

    /**
     * The patterns to run now. After a reload, a pattern that changed (same name, other
     * fingerprint) or was removed starts over: its open episodes are resolved (rendered as the
     * old pattern described them) and its state is dropped. Unchanged patterns keep theirs.
     */
    private PatternSet currentSet(List<Incident> out) {
        PatternSet set = patterns.get();
        if (set == running) {
            return set;
        }
        for (CompiledPattern old : running.patterns()) {
            Optional<CompiledPattern> next = set.byName(old.name());
            if (next.isEmpty() || !next.get().fingerprint().equals(old.fingerprint())) {
                forget(old, out);
            }
        }
        running = set;
        return set;
    }

    private void forget(CompiledPattern old, List<Incident> out) {
        String prefix = StateKeys.prefix(old.name());
        for (Map.Entry<String, EpisodeState> e : ctx.episodes().entries()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (!e.getValue().resolved()) {
                out.add(Episodes.render(e.getValue().resolvedNow(), old));
            }
            ctx.episodes().delete(e.getKey());
        }
        ctx.forgetPattern(old.name());
    }
}
