package dev.vigil.analyzer.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * When each entry of one kind of state next needs a look, so time-driven work touches the
 * entries that are due instead of scanning them all every tick. A due time is on the analyzer's
 * clock, or on the clock of the entry's host (the latest event time it sent), which only moves
 * when that host's events arrive: so only hosts whose clock moved since the last look are looked
 * at. A due time may be early, never late: the caller checks the real condition and plans the
 * entry again. Kept in memory and rebuilt from the stores when the engine starts.
 */
public final class Schedule {
    /**
     * When an entry is next due.
     *
     * @param wall on the analyzer's clock, or null
     * @param host the entry's host, for {@code onHostClock}
     * @param onHostClock on the host's clock, or null
     */
    public record Plan(Instant wall, String host, Instant onHostClock) {
        public static final Plan NONE = new Plan(null, null, null);

        public static Plan onWallClock(Instant at) {
            return new Plan(at, null, null);
        }

        public static Plan onHostClock(String host, Instant at) {
            return new Plan(null, host, at);
        }

        /** This plan, also due at {@code at} on the analyzer's clock (the earlier time wins). */
        public Plan orWall(Instant at) {
            return new Plan(wall == null || at.isBefore(wall) ? at : wall, host, onHostClock);
        }
    }

    private record Due(Instant at, String key) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    /**
     * Whether a later due time leaves an earlier one planned: for entries whose look checks the
     * real condition and plans again, an entry written on every event (a stream's last line) then
     * keeps one due time until it comes, instead of moving in the sorted sets on every write.
     */
    private final boolean keepsEarlier;
    private final Map<String, Due> wallDue = new HashMap<>();
    private final TreeSet<Due> wall = new TreeSet<>();
    private final Map<String, Due> hostDue = new HashMap<>();
    private final Map<String, String> hostOf = new HashMap<>();
    private final Map<String, TreeSet<Due>> byHost = new HashMap<>();
    /** Hosts whose clock moved, or that got a due time, since the last {@link #takeDue}. */
    private final Set<String> touched = new HashSet<>();

    /** Run before the schedule is read: maps whose writes plan lazily plan them then. */
    private final List<Runnable> beforeRead = new ArrayList<>();

    /** A schedule whose plans replace what was planned. */
    public Schedule() {
        this(false);
    }

    /**
     * @param keepsEarlier a plan of the same kind (same clock, same host) with later due times
     *     leaves the earlier ones planned; for callers that check the real condition when an entry
     *     comes due, as every caller must (a due time may be early)
     */
    public Schedule(boolean keepsEarlier) {
        this.keepsEarlier = keepsEarlier;
    }

    /** Runs {@code action} before every read of the schedule ({@link #takeDue}, {@link #keysOn}). */
    void beforeRead(Runnable action) {
        beforeRead.add(action);
    }

    private void catchUp() {
        for (Runnable r : beforeRead) {
            r.run();
        }
    }

    /** Replaces whatever was planned for {@code key} (or keeps it, when it is earlier and the schedule {@code keepsEarlier}). */
    public void plan(String key, Plan plan) {
        if (isPlanned(key, plan) || keepsEarlier && isPlannedEarlier(key, plan)) {
            return; // most writes leave an entry's due times as they were (see the planners' rounding)
        }
        cancel(key);
        if (plan.wall() != null) {
            Due d = new Due(plan.wall(), key);
            wallDue.put(key, d);
            wall.add(d);
        }
        if (plan.onHostClock() != null) {
            Due d = new Due(plan.onHostClock(), key);
            hostDue.put(key, d);
            hostOf.put(key, plan.host());
            byHost.computeIfAbsent(plan.host(), h -> new TreeSet<>()).add(d);
            // it may be due already: the next look must include this host even if its clock stays put
            touched.add(plan.host());
        }
    }

    private boolean isPlanned(String key, Plan plan) {
        Due w = wallDue.get(key);
        Due h = hostDue.get(key);
        return (w == null ? plan.wall() == null : w.at().equals(plan.wall()))
                && (h == null ? plan.onHostClock() == null
                        : h.at().equals(plan.onHostClock()) && hostOf.get(key).equals(plan.host()));
    }

    /** True when {@code key} is planned on the same clocks as {@code plan}, at or before its due times. */
    private boolean isPlannedEarlier(String key, Plan plan) {
        Due w = wallDue.get(key);
        Due h = hostDue.get(key);
        if ((w == null) != (plan.wall() == null) || (h == null) != (plan.onHostClock() == null)) {
            return false;
        }
        return (w == null || !w.at().isAfter(plan.wall()))
                && (h == null || !h.at().isAfter(plan.onHostClock()) && hostOf.get(key).equals(plan.host()));
    }

    public void cancel(String key) {
        Due w = wallDue.remove(key);
        if (w != null) {
            wall.remove(w);
        }
        Due h = hostDue.remove(key);
        if (h != null) {
            String host = hostOf.remove(key);
            TreeSet<Due> dues = byHost.get(host);
            dues.remove(h);
            if (dues.isEmpty()) {
                byHost.remove(host);
            }
        }
    }

    /** The host's clock moved: its entries may have come due. */
    public void hostAdvanced(String host) {
        if (byHost.containsKey(host)) {
            touched.add(host);
        }
    }

    /**
     * Takes the keys due at {@code now} (and at each touched host's clock), in key order. What
     * made them due is no longer planned: the caller looks at each and plans it again.
     */
    public SortedSet<String> takeDue(Instant now, Function<String, Instant> hostTime) {
        catchUp();
        SortedSet<String> due = new TreeSet<>();
        while (!wall.isEmpty() && !wall.first().at().isAfter(now)) {
            Due d = wall.pollFirst();
            wallDue.remove(d.key());
            due.add(d.key());
        }
        for (String host : touched) {
            TreeSet<Due> dues = byHost.get(host);
            if (dues == null) {
                continue;
            }
            Instant clock = hostTime.apply(host);
            while (!dues.isEmpty() && !dues.first().at().isAfter(clock)) {
                Due d = dues.pollFirst();
                hostDue.remove(d.key());
                hostOf.remove(d.key());
                due.add(d.key());
            }
            if (dues.isEmpty()) {
                byHost.remove(host);
            }
        }
        touched.clear();
        return due;
    }

    /** The keys planned on {@code host}'s clock. */
    public Set<String> keysOn(String host) {
        catchUp();
        Set<String> keys = new HashSet<>();
        TreeSet<Due> dues = byHost.get(host);
        if (dues != null) {
            dues.forEach(d -> keys.add(d.key()));
        }
        return keys;
    }
}
