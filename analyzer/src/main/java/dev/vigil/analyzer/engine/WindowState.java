package dev.vigil.analyzer.engine;

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
 * each distinct value (bounded the same way).
 */
public record WindowState(int v, List<Instant> times, Map<String, Instant> distinct) {
    public WindowState {
        times = List.copyOf(times);
        // insertion order is the eviction order of distinct values, so the copy keeps it
        distinct = Collections.unmodifiableMap(new LinkedHashMap<>(distinct));
    }

    static WindowState empty() {
        return new WindowState(1, List.of(), Map.of());
    }

    /** Adds an event at {@code at}, drops what fell out of {@code window}, keeps at most {@code keep}. */
    WindowState add(Instant at, String distinctValue, Duration window, long keep) {
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
        return new WindowState(v, t, d);
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
        return new WindowState(v, t, d);
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
