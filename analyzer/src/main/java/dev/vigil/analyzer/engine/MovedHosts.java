package dev.vigil.analyzer.engine;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The hosts whose clock moved since the schedules planned on host clocks were last told: one set
 * add per moving event, where telling every schedule at once cost a lookup in each of them on
 * every event. They are told just before they are read, which only lets an entry come due sooner,
 * never later (the host's time still decides what is due).
 */
final class MovedHosts {
    private final Set<String> hosts = new HashSet<>();

    void add(String host) {
        hosts.add(host);
    }

    /** Hands every host that moved since the last call to {@code tell}, then forgets them. */
    void drain(Consumer<String> tell) {
        if (hosts.isEmpty()) {
            return;
        }
        hosts.forEach(tell);
        hosts.clear();
    }
}
