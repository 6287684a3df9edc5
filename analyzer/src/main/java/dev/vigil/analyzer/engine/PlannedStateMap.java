package dev.vigil.analyzer.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link StateMap} that keeps schedules of its entries: every put plans the entry again from
 * its new value and every delete cancels it, so no write path can leave a schedule stale. A put
 * is planned when one of the schedules is next read, not at once: an entry written on every
 * event (a stream's last line, a host's clock) is planned once per look at its schedules, from
 * its latest value, which is what planning at every write would have left there.
 */
public final class PlannedStateMap<V> implements StateMap<V> {
    /** Works out when an entry is next due from its key and value. */
    @FunctionalInterface
    public interface Planner<V> {
        Schedule.Plan plan(String key, V value);
    }

    /** One schedule over this map and how entries are planned in it. */
    public record Watch<V>(Schedule schedule, Planner<V> planner) {}

    private final StateMap<V> store;
    private final List<Watch<V>> watches;
    /** Keys put since the schedules were last read, to be planned from their values then. */
    private final Set<String> unplanned = new LinkedHashSet<>();
    /**
     * The key last added to {@link #unplanned}, while it is still there: an entry written on every
     * event (a stream's last line) is mostly written under the very same key object again, which
     * then costs no set lookup.
     */
    private String lastUnplanned;

    public PlannedStateMap(StateMap<V> store, List<Watch<V>> watches) {
        this.store = store;
        this.watches = List.copyOf(watches);
        this.watches.forEach(w -> w.schedule().beforeRead(this::planPuts));
    }

    /** Plans the entries put since the last read of a schedule. */
    private void planPuts() {
        if (unplanned.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(unplanned);
        unplanned.clear();
        lastUnplanned = null;
        keys.forEach(this::replan);
    }

    /** Plans every entry already in the store (on start: the schedules live in memory only). */
    public void planAll() {
        for (Map.Entry<String, V> e : store.entries()) {
            plan(e.getKey(), e.getValue());
        }
    }

    /** Plans the entry under {@code key} again from what the store holds now. */
    public void replan(String key) {
        forget(key);
        V value = store.get(key);
        if (value == null) {
            watches.forEach(w -> w.schedule().cancel(key));
        } else {
            plan(key, value);
        }
    }

    @Override
    public V get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, V value) {
        store.put(key, value);
        if (key != lastUnplanned) {
            unplanned.add(key);
            lastUnplanned = key;
        }
    }

    /** {@code key} is planned or gone: no longer among the puts to plan. */
    private void forget(String key) {
        if (unplanned.remove(key) && key.equals(lastUnplanned)) {
            lastUnplanned = null;
        }
    }

    @Override
    public void delete(String key) {
        forget(key);
        store.delete(key);
        watches.forEach(w -> w.schedule().cancel(key));
    }

    @Override
    public List<Map.Entry<String, V>> entries() {
        return store.entries();
    }

    private void plan(String key, V value) {
        for (Watch<V> w : watches) {
            w.schedule().plan(key, w.planner().plan(key, value));
        }
    }
}
