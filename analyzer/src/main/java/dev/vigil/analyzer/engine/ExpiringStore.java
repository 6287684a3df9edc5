package dev.vigil.analyzer.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of state with its expiry: every write plans when the entry can first be dropped
 * (usually on its host's clock), so {@link #expire} looks only at entries that are due, however
 * much state there is. A due time may be early, never late: the entry is looked at, trimmed or
 * kept, and planned again.
 */
public final class ExpiringStore<V> {
    /** Drop at once: the entry's pattern is gone. */
    public static final Schedule.Plan NOW = Schedule.Plan.onWallClock(Instant.EPOCH);
    /**
     * Due times are rounded down to this: a little early is harmless (the entry is checked and
     * planned again), and an entry written on every event then keeps its due time for a while
     * instead of being re-planned each time.
     */
    private static final Duration GRAIN = Duration.ofMinutes(1);

    /** What to keep of one entry: null to drop it, the value itself to keep it whole, or a trimmed copy. */
    @FunctionalInterface
    public interface Trim<V> {
        V keep(String key, V value, HostTimes clocks);
    }

    /**
     * Keeps an earlier due time: {@link #expire} checks the entry by {@link Trim} and plans it
     * again, so an entry written on every event (a stream's last line, a window) keeps one due time
     * until it comes instead of moving in the sorted sets once a grain.
     */
    private final Schedule expiry = new Schedule(true);
    private final PlannedStateMap.Planner<V> planner;
    private final Trim<V> trim;
    private final PlannedStateMap<V> map;

    @SafeVarargs
    ExpiringStore(StateMap<V> store, PlannedStateMap.Planner<V> planner, Trim<V> trim, PlannedStateMap.Watch<V>... more) {
        this.planner = planner;
        this.trim = trim;
        List<PlannedStateMap.Watch<V>> watches = new ArrayList<>(List.of(more));
        watches.add(new PlannedStateMap.Watch<>(expiry, planner));
        this.map = new PlannedStateMap<>(store, watches);
    }

    /** The state: every write keeps the schedules up to date. */
    public PlannedStateMap<V> map() {
        return map;
    }

    /** The keys whose expiry is planned on {@code host}'s clock. */
    public Set<String> keysOn(String host) {
        return expiry.keysOn(host);
    }

    /** Due on {@code host}'s clock at {@code at}, rounded down to the grain. */
    public static Schedule.Plan dropAt(String host, Instant at) {
        return Schedule.Plan.onHostClock(host, early(at));
    }

    /** {@code at} rounded down to the grain. */
    static Instant early(Instant at) {
        long grain = GRAIN.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), grain) * grain);
    }

    void planAll() {
        map.planAll();
    }

    void hostAdvanced(String host) {
        expiry.hostAdvanced(host);
    }

    /** Drops or trims what is due at {@code now} and on each host's clock. */
    void expire(Instant now, HostTimes clocks) {
        for (String key : expiry.takeDue(now, clocks::of)) {
            V value = map.get(key);
            if (value == null) {
                continue;
            }
            V kept = trim.keep(key, value, clocks);
            if (kept == null) {
                map.delete(key);
            } else if (kept != value) {
                map.put(key, kept);
            } else {
                expiry.plan(key, planner.plan(key, value));
            }
        }
    }

    /** Drops everything keyed by {@code host}. */
    void forgetHost(String host) {
        keysOn(host).forEach(map::delete);
    }

    /** Drops every entry whose key starts with {@code prefix}. */
    void deletePrefix(String prefix) {
        for (Map.Entry<String, V> e : map.entries()) {
            if (e.getKey().startsWith(prefix)) {
                map.delete(e.getKey());
            }
        }
    }
}
