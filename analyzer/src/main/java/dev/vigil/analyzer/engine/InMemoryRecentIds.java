package dev.vigil.analyzer.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** {@link RecentIds} in memory, for tests and one-off runs; forgets as it remembers, so it stays bounded. */
public final class InMemoryRecentIds implements RecentIds {
    private record Remembered(String id, Instant at) {}

    private final Duration window;
    private final Map<String, Instant> ids = new HashMap<>();
    private final ArrayDeque<Remembered> oldestFirst = new ArrayDeque<>();

    public InMemoryRecentIds(Duration window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public boolean contains(String id, Instant now) {
        Instant at = ids.get(id);
        return at != null && at.isAfter(now.minus(window));
    }

    @Override
    public void remember(String id, Instant now) {
        Instant oldest = now.minus(window);
        while (!oldestFirst.isEmpty() && !oldestFirst.peekFirst().at().isAfter(oldest)) {
            Remembered r = oldestFirst.pollFirst();
            ids.remove(r.id(), r.at());
        }
        ids.put(id, now);
        oldestFirst.addLast(new Remembered(id, now));
    }

    /** How many ids are remembered. */
    public int size() {
        return ids.size();
    }
}
