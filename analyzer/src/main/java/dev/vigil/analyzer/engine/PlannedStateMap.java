package dev.vigil.analyzer.engine;

import java.util.List;
import java.util.Map;

/**
 * A {@link StateMap} that keeps schedules of its entries: every put plans the entry again from
 * its new value and every delete cancels it, so no write path can leave a schedule stale.
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

    public PlannedStateMap(StateMap<V> store, List<Watch<V>> watches) {
        this.store = store;
        this.watches = List.copyOf(watches);
    }

    /** Plans every entry already in the store (on start: the schedules live in memory only). */
    public void planAll() {
        for (Map.Entry<String, V> e : store.entries()) {
            plan(e.getKey(), e.getValue());
        }
    }

    /** Plans the entry under {@code key} again from what the store holds now. */
    public void replan(String key) {
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
        plan(key, value);
    }

    @Override
    public void delete(String key) {
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
