package dev.vigil.analyzer.engine;

import dev.vigil.patterns.compile.CauseSpec;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.EventFields;
import dev.vigil.patterns.compile.GatherSpec;
import dev.vigil.patterns.compile.Match;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lines a pattern's {@code cause} attaches and the values its {@code gather} collects: kept
 * per pattern, host and value in rings as events pass, whatever their pattern's kind.
 */
final class CauseLines {
    /** Lines kept per cause ring beyond what the pattern attaches. */
    static final int CAUSE_RING_SLACK = 2;
    /** The group key, among a pattern's cause rings, of the values its {@code gather} keeps per host. */
    static final String GATHERED = StateKeys.SEP + "gather";
    /** Cause lines of a pattern without a lookback are kept this long. */
    static final Duration DEFAULT_CAUSE_RETENTION = Duration.ofHours(1);

    private final EngineContext ctx;
    private final StateMap<EvidenceRing> rings;

    CauseLines(EngineContext ctx) {
        this.ctx = ctx;
        this.rings = ctx.store(ctx.stored().causes(), this::planExpiry, this::trimExpired).map();
    }

    /** Keeps the event in the rings of every pattern whose {@code cause} or {@code gather} wants it. */
    void remember(PatternSet set, Event e) {
        Wanting w = wanting(set);
        // the scan's found selectors, once: most events hold no filter's literals, and asking the set
        // per filter looked the event's scan and the filter's slot up again each time
        BitSet found = set.selectorsFound(e);
        // arrays and an index: a list iterator per event and pattern did not go away in the JIT's
        // little inlining (./vigil), and most events are no pattern's cause line
        Cause[] causes = w.causes();
        for (int i = 0; i < causes.length; i++) {
            Cause c = causes[i];
            CauseSpec cause = c.spec();
            if (c.sameField() != null && c.sameField().apply(e) == null || cannotMatch(found, c.slot())) {
                continue;
            }
            CompiledPattern p = c.pattern();
            Optional<Match> m = set.match(cause.filter(), e);
            if (m.isEmpty()) {
                continue;
            }
            String value = CompiledPattern.value(cause.sameField(), e, m.get());
            String key = StateKeys.key(p, e.host(), String.valueOf(value));
            EvidenceRing ring = Optional.ofNullable(rings.get(key)).orElse(EvidenceRing.empty());
            rings.put(key, ring.append(EvidenceItem.of(e), cause.lines() + CAUSE_RING_SLACK));
        }
        Gather[] gathers = w.gathers();
        for (int i = 0; i < gathers.length; i++) {
            if (cannotMatch(found, gathers[i].slot())) {
                continue;
            }
            CompiledPattern p = gathers[i].pattern();
            GatherSpec gather = gathers[i].spec();
            Optional<Match> m = set.match(gather.filter(), e);
            String value = m.isEmpty() ? null : CompiledPattern.value(gather.name(), e, m.get());
            if (value == null) {
                continue;
            }
            // the ring keeps the gathered value, not the line: that is all the incident shows of it
            String key = StateKeys.key(p, e.host(), GATHERED);
            EvidenceRing ring = Optional.ofNullable(rings.get(key)).orElse(EvidenceRing.empty());
            rings.put(key, ring.append(new EvidenceItem(e.id(), e.ts(), e.source().wireName(), value),
                    GatherSpec.MAX_LINES));
        }
    }

    /** Whether the scan's found selectors rule the selector in {@code slot} out (a slot of -1 never is). */
    private static boolean cannotMatch(BitSet found, int slot) {
        return found != null && slot >= 0 && !found.get(slot);
    }

    /**
     * A pattern with a {@code cause}, and its filter's {@link PatternSet#selectorSlot}. {@code sameField}, when not null, reads the field its cause
     * lines must share (looked up once, not per event): an event without a value of it ({@code from
     * same unit} and an app-log line, which has no unit) is no line of any trigger's when the filter
     * cannot capture one, so its filter (run on every event) is not run for it.
     */
    private record Cause(CompiledPattern pattern, CauseSpec spec, Function<Event, String> sameField, int slot) {
        static Cause of(PatternSet set, CompiledPattern p) {
            CauseSpec spec = p.cause().orElseThrow();
            boolean needs = !spec.filter().canCapture() && EventFields.isKnown(spec.sameField());
            return new Cause(p, spec, needs ? EventFields.reader(spec.sameField()) : null, set.selectorSlot(spec.filter()));
        }
    }

    /**
     * A pattern with a {@code gather}, its gather (asking the pattern for it made an {@code Optional} per
     * event) and its filter's {@link PatternSet#selectorSlot}.
     */
    private record Gather(CompiledPattern pattern, GatherSpec spec, int slot) {
        static Gather of(PatternSet set, CompiledPattern p) {
            GatherSpec spec = p.gather().orElseThrow();
            return new Gather(p, spec, set.selectorSlot(spec.filter()));
        }
    }

    /** The patterns of one set with a {@code cause}, and with a {@code gather}, in load order. */
    private record Wanting(PatternSet set, Cause[] causes, Gather[] gathers) {}

    /** Looked up once per set, not per event: few patterns have either. */
    private Wanting wanting;

    private Wanting wanting(PatternSet set) {
        Wanting w = wanting;
        if (w == null || w.set() != set) {
            w = new Wanting(set,
                    set.patterns().stream().filter(p -> p.cause().isPresent()).map(p -> Cause.of(set, p)).toArray(Cause[]::new),
                    set.patterns().stream().filter(p -> p.gather().isPresent()).map(p -> Gather.of(set, p)).toArray(Gather[]::new));
            wanting = w;
        }
        return w;
    }

    /** The probable-cause lines of a match: the pattern's {@code cause} lines from the same host and value. */
    List<EvidenceItem> of(CompiledPattern p, Event e, Match m) {
        Optional<CauseSpec> cause = p.cause();
        if (cause.isEmpty()) {
            return List.of();
        }
        String value = CompiledPattern.value(cause.get().sameField(), e, m);
        EvidenceRing ring = rings.get(StateKeys.key(p, e.host(), String.valueOf(value)));
        if (ring == null) {
            return List.of();
        }
        Instant since = cause.get().lookback().map(d -> e.ts().minus(d)).orElse(Instant.EPOCH);
        return ring.between(since, e.ts(), cause.get().lines());
    }

    /**
     * The episode with its {@code gather} variable: the distinct values kept on its host within the
     * window around its first line, in the order they came (the first record waits a tick for them),
     * only the ancestors of its {@code under} name when the pattern gives one and it renders.
     */
    EpisodeState withGathered(CompiledPattern p, EpisodeState ep) {
        Optional<GatherSpec> gather = p.gather();
        EvidenceRing ring = gather.isEmpty() ? null : rings.get(StateKeys.key(p, ep.host(), GATHERED));
        if (ring == null) {
            return ep;
        }
        Duration w = gather.get().within();
        String under = gather.get().under().flatMap(t -> t.renderComplete(ep.vars())).orElse("");
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (EvidenceItem i : ring.between(ep.firstSeen().minus(w), ep.firstSeen().plus(w), GatherSpec.MAX_LINES)) {
            if (under.isEmpty() || GatherSpec.isAncestorOrSelf(i.message(), under)) {
                values.add(i.message());
            }
        }
        String joined = String.join(", ", values);
        return values.isEmpty() || joined.equals(ep.vars().get(gather.get().name())) ? ep
                : ep.withVars(Map.of(gather.get().name(), joined));
    }

    private Schedule.Plan planExpiry(String key, EvidenceRing ring) {
        Optional<CompiledPattern> p = ctx.patterns().byName(StateKeys.patternIn(key));
        return p.isEmpty() ? ExpiringStore.NOW : ExpiringStore.dropAt(StateKeys.hostIn(key), ring.newest().plus(retention(p.get())));
    }

    private EvidenceRing trimExpired(String key, EvidenceRing ring, HostTimes clocks) {
        Optional<CompiledPattern> p = ctx.patterns().byName(StateKeys.patternIn(key));
        return p.isEmpty() || ring.newest().isBefore(clocks.of(StateKeys.hostIn(key)).minus(retention(p.get()))) ? null : ring;
    }

    private static Duration retention(CompiledPattern p) {
        return p.cause().flatMap(c -> c.lookback()).orElse(DEFAULT_CAUSE_RETENTION);
    }
}
