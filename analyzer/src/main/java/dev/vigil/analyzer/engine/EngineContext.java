package dev.vigil.analyzer.engine;

import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the pattern handlers share: the current patterns, the incident episodes, linking, cause
 * lines, each host's clock and the input's lag, and the stores they keep their own state in
 * (planned for expiry on every write).
 */
public final class EngineContext {
    private final Supplier<PatternSet> patterns;
    private final EngineState stored;
    private final StateExpiry expiry = new StateExpiry();
    /** Schedules with due times on host clocks: told which hosts' clocks moved before each tick reads them. */
    private final List<Schedule> hostSchedules = new ArrayList<>();
    /** Hosts whose clock moved since the last tick. */
    private final MovedHosts movedSinceTick = new MovedHosts();
    private final InputLag inputLag = new InputLag();
    private final PlannedStateMap<HostClock> hosts;
    private final EpisodeTicks episodeTicks;
    private final Episodes episodes;
    private final CauseLines causes;
    private final KillLinks kills;
    private final Links links;
    private final Observations observations;
    private final Map<String, LimitDrops> drops = new TreeMap<>();
    private final FirstCount firstCount;

    EngineContext(Supplier<PatternSet> patterns, EngineState stored) {
        this.patterns = Objects.requireNonNull(patterns, "patterns");
        this.stored = Objects.requireNonNull(stored, "state");
        this.episodeTicks = new EpisodeTicks(patterns, schedule());
        ExpiringStore<EpisodeState> eps = store(stored.episodes(), episodeTicks::planExpiry, episodeTicks::trimExpired,
                new PlannedStateMap.Watch<>(episodeTicks.schedule(), episodeTicks::plan));
        this.episodes = new Episodes(eps.map());
        this.hosts = new PlannedStateMap<>(stored.hosts(),
                List.of(new PlannedStateMap.Watch<>(expiry.hosts, expiry::planHost)));
        this.causes = new CauseLines(this);
        this.kills = new KillLinks(this);
        this.links = new Links(this);
        this.observations = new Observations(this);
        this.firstCount = new FirstCount(stored.seen());
    }

    /** The patterns to run now. */
    public PatternSet patterns() {
        return patterns.get();
    }

    /** The state as the engine was given it (the handlers wrap their part with {@link #store}). */
    public EngineState stored() {
        return stored;
    }

    /**
     * A store kept bounded: {@code expiry} says when an entry can first go, {@code trim} what is
     * left of it then; {@code more} are further schedules kept up to date on every write.
     */
    @SafeVarargs
    public final <V> ExpiringStore<V> store(StateMap<V> map, PlannedStateMap.Planner<V> expiryPlan, ExpiringStore.Trim<V> trim,
            PlannedStateMap.Watch<V>... more) {
        return expiry.add(new ExpiringStore<>(map, expiryPlan, trim, more));
    }

    /** A new schedule whose host-clock due times are looked at when that host's clock moves. */
    public Schedule schedule() {
        return schedule(false);
    }

    /**
     * As {@link #schedule()}; with {@code keepsEarlier}, a later plan leaves an earlier due time
     * planned (see {@link Schedule#Schedule(boolean)}).
     */
    public Schedule schedule(boolean keepsEarlier) {
        Schedule s = new Schedule(keepsEarlier);
        hostSchedules.add(s);
        return s;
    }

    /** Counts what is dropped at a limit ({@code what}: "partial", "kill"); the first drop of each pattern is logged. */
    public LimitDrops drops(String what, int limit) {
        return drops.computeIfAbsent(what, w -> new LimitDrops(w, limit));
    }

    /** How many of each were dropped at a limit since the engine started. */
    Map<String, Long> dropCounts() {
        Map<String, Long> counts = new TreeMap<>();
        drops.forEach((what, d) -> counts.put(what, d.count()));
        return counts;
    }

    /** Whether the event being processed counts for the first time: asked by counting steps only, after they matched. */
    public FirstCount firstCount() {
        return firstCount;
    }

    public Episodes episodes() {
        return episodes;
    }

    public Observations observations() {
        return observations;
    }

    public Links links() {
        return links;
    }

    public KillLinks kills() {
        return kills;
    }

    CauseLines causes() {
        return causes;
    }

    EpisodeTicks episodeTicks() {
        return episodeTicks;
    }

    public InputLag inputLag() {
        return inputLag;
    }

    /** What is known of the host's clock, or null. */
    public HostClock hostClock(String host) {
        return hosts.get(host);
    }

    /** The host's clock: the latest event time it sent. */
    public Instant hostTime(String host) {
        HostClock c = hosts.get(host);
        return c == null ? Instant.EPOCH : c.latest();
    }

    /** Moves the clock of the event's host; when it moved, entries due on that clock are looked at next. */
    void advanceHostClock(Event e, Instant now) {
        HostClock c = hosts.get(e.host());
        HostClock next = c == null ? HostClock.first(e.ts(), now) : c.advance(e.ts(), now);
        if (next.equals(c)) {
            // most lines of a busy host leave its clock as it was: nothing to store or plan again
            return;
        }
        hosts.put(e.host(), next);
        if (c == null || next.latest().isAfter(c.latest())) {
            movedSinceTick.add(e.host());
            expiry.hostAdvanced(e.host());
        }
    }

    /** Tells the host-clock schedules whose clocks moved since the last call; before they are read on a tick. */
    void deliverHostMoves() {
        movedSinceTick.drain(host -> hostSchedules.forEach(s -> s.hostAdvanced(host)));
    }

    /** Plans every entry the stores hold (on start: the schedules live in memory only). */
    void planAll() {
        expiry.stores().forEach(ExpiringStore::planAll);
        hosts.planAll();
    }

    void expire(Instant now) {
        expiry.expire(now, hosts, inputLag);
    }

    /** Drops every entry of a pattern's, episodes included (the caller resolves them first). */
    void forgetPattern(String name) {
        expiry.stores().forEach(s -> s.deletePrefix(StateKeys.prefix(name)));
    }
}
