package dev.vigil.analyzer.engine.threshold;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sliding window of one threshold pattern and group key: the times of the latest matching
 * events (at most as many as the threshold needs), or for a distinct count the latest time of
 * each distinct value (bounded the same way). {@code opener} is the time of the last counted
 * event when it was the first line of an occurrence written as two ({@code once}), else null.
 */
public record WindowState(int v, List<Instant> times, Map<String, Instant> distinct, Instant opener) {
    public WindowState {
        times = List.copyOf(times);
        // insertion order is the eviction order of distinct values, so the copy keeps it
        distinct = Collections.unmodifiableMap(new LinkedHashMap<>(distinct));
    }

    /** A window without an opener, as version 1 stored them. */
    public WindowState(int v, List<Instant> times, Map<String, Instant> distinct) {
        this(v, times, distinct, null);
    }

    static WindowState empty() {
        return new WindowState(2, List.of(), Map.of(), null);
    }

    /** True when an event at {@code at} is the second line of the occurrence the opener began. */
    boolean completes(Instant at, Duration within) {
        return opener != null && !at.isBefore(opener) && !at.isAfter(opener.plus(within));
    }

    /** This window with its opener's occurrence complete: a further second line counts again. */
    WindowState completed() {
        return new WindowState(v, times, distinct, null);
    }

    /**
     * Adds an event at {@code at}, drops what fell out of {@code window}, keeps at most {@code keep};
     * {@code opens}: the event is the first line of an occurrence that may be written twice.
     */
    WindowState add(Instant at, String distinctValue, Duration window, long keep, boolean opens) {
        Instant from = at.minus(window);
        List<Instant> t = new ArrayList<>();
        for (Instant i : times) {
            if (i.isAfter(from)) {
                t.add(i);
            }
        }
        Map<String, Instant> d = new LinkedHashMap<>();
        distinct.forEach((k, i) -> {
            if (i.isAfter(from)) {
                d.put(k, i);
            }
        });
        if (distinctValue != null) {
            d.remove(distinctValue);
            d.put(distinctValue, at);
            while (d.size() > keep) {
                d.remove(d.keySet().iterator().next());
            }
        } else {
            t.add(at);
            while (t.size() > keep) {
                t.remove(0);
            }
        }
        return new WindowState(v, t, d, opens ? at : null);
    }

    /**
     * This window with the entries of {@code other} after {@code from} added, uncapped: the
     * windows of templates that merged into one count together (the next {@link #add} caps
     * again).
     */
    WindowState union(WindowState other, Instant from) {
        List<Instant> t = new ArrayList<>(times);
        for (Instant i : other.times) {
            if (i.isAfter(from)) {
                t.add(i);
            }
        }
        t.sort(null);
        Map<String, Instant> d = new LinkedHashMap<>(distinct);
        other.distinct.forEach((k, i) -> {
            if (i.isAfter(from) && (!d.containsKey(k) || d.get(k).isBefore(i))) {
                d.put(k, i);
            }
        });
        return new WindowState(v, t, d, opener);
    }

    long count(boolean distinctCount) {
        return distinctCount ? distinct.size() : times.size();
    }

    Instant newest() {
        Instant n = Instant.EPOCH;
        for (Instant i : times) {
            n = i.isAfter(n) ? i : n;
        }
        for (Instant i : distinct.values()) {
            n = i.isAfter(n) ? i : n;
        }
        return n;
    }
}
