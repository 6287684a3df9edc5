package dev.vigil.analyzer.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps engine state bounded: each {@link ExpiringStore} drops what no pattern can use any more
 * (measured on each host's own clock), and everything of a host that has sent nothing for
 * {@link #HOST_RETENTION} is forgotten (its clock has stopped, so nothing of it would expire
 * otherwise).
 */
final class StateExpiry {
    /** A host silent this long on the analyzer's clock, heartbeats included, is forgotten. */
    static final Duration HOST_RETENTION = PatternEngine.STREAM_RETENTION;
    /** Dropping a forgotten host's state waits while the input is this far behind: its events may be in the backlog. */
    static final Duration HOST_CATCH_UP = Duration.ofMinutes(1);

    private final List<ExpiringStore<?>> stores = new ArrayList<>();
    final Schedule hosts = new Schedule();

    /** Keeps {@code store} bounded from now on. */
    <V> ExpiringStore<V> add(ExpiringStore<V> store) {
        stores.add(store);
        return store;
    }

    List<ExpiringStore<?>> stores() {
        return stores;
    }

    /** Hosts whose clock moved since the last {@link #expire}: the stores are told then, not on every event. */
    private final MovedHosts moved = new MovedHosts();

    /** The host's clock moved: entries planned on it may have come due. */
    void hostAdvanced(String host) {
        moved.add(host);
    }

    Schedule.Plan planHost(String host, HostClock c) {
        return Schedule.Plan.onWallClock(ExpiringStore.early(c.arrivedAt().plus(HOST_RETENTION)));
    }

    void expire(Instant now, StateMap<HostClock> clocks, InputLag lag) {
        HostTimes times = host -> {
            HostClock c = clocks.get(host);
            return c == null ? Instant.EPOCH : c.latest();
        };
        moved.drain(host -> stores.forEach(s -> s.hostAdvanced(host)));
        stores.forEach(s -> s.expire(now, times));
        forgetSilentHosts(now, clocks, times, lag);
    }

    /**
     * Forgets hosts that have sent nothing for {@link #HOST_RETENTION}, with everything keyed by
     * them: a host that is gone for good would otherwise keep its state forever, since its
     * entries expire on its own clock, which no longer moves.
     */
    private void forgetSilentHosts(Instant now, StateMap<HostClock> clocks, HostTimes times, InputLag lag) {
        for (String host : hosts.takeDue(now, times::of)) {
            HostClock c = clocks.get(host);
            if (c == null) {
                continue;
            }
            if (lag.isBehind(now, HOST_CATCH_UP) || c.arrivedAt().plus(HOST_RETENTION).isAfter(now)) {
                hosts.plan(host, planHost(host, c));
                continue;
            }
            stores.forEach(s -> s.forgetHost(host));
            clocks.delete(host);
        }
    }
}
