package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.library.PatternLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every store stays bounded over a long run with ever new keys: hosts that come and go, units,
 * pids, files and error messages never seen twice. Twelve days of event time through the
 * standard library: once retention has been reached, the state of the last day must be no
 * larger than that of the days before it.
 */
class BoundedStateTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final int DAYS = 12;
    /**
     * Two hosts that live through the run and a new one every hour; heartbeats are sparse to keep
     * the test fast (each 30-minute gap is a host_silent episode: more state to bound).
     */
    private static final ChurningFleet FLEET = new ChurningFleet(T0, 2, 1, Duration.ofMinutes(30), 1);
    private static final Duration TICK = Duration.ofMinutes(10);
    private static final Duration HOUSEKEEPING = Duration.ofMinutes(30);
    /** By then every kind of state has reached its retention (hosts: seven days of silence). */
    private static final int STEADY_FROM_DAY = 9;

    private final EngineState state = EngineState.inMemory();

    @Test
    void shouldKeepEveryStoreFlatOnceRetentionIsReached() {
        PatternSet library = PatternLoader.loadLibrary().patterns();
        PatternEngine engine = new PatternEngine(() -> library, state);
        List<Map<String, Integer>> daily = new ArrayList<>();
        Instant tick = T0;
        Instant housekeeping = T0;
        for (int hour = 0; hour < DAYS * 24; hour++) {
            for (Event e : FLEET.hour(hour)) {
                for (; tick.isBefore(e.ts()); tick = tick.plus(TICK)) {
                    engine.onTick(tick);
                    if (!tick.isBefore(housekeeping.plus(HOUSEKEEPING))) {
                        engine.expire(tick);
                        housekeeping = tick;
                    }
                }
                engine.onEvent(e, e.ts(), e.ts());
                if (wantsSignature(library, e)) { // each message its own template: many signatures
                    engine.onSignedEvent(e, new MinedSignature(Integer.toHexString(e.message().hashCode()), e.message(),
                            List.of()), e.ts());
                }
            }
            if (hour % 24 == 23) {
                daily.add(sizes());
            }
        }

        Map<String, Integer> steady = daily.get(STEADY_FROM_DAY - 1);
        Map<String, Integer> last = daily.get(DAYS - 1);
        for (String store : steady.keySet()) {
            int max = daily.subList(STEADY_FROM_DAY - 1, DAYS).stream().mapToInt(d -> d.get(store)).max().orElseThrow();
            // a day's worth of churn is the slack: expiry runs on each host's clock, hosts are forgotten a day late at most
            assertTrue(last.get(store) <= steady.get(store) * 11 / 10 + 5 && max <= steady.get(store) * 11 / 10 + 5,
                    "store " + store + " grew after retention was reached: " + describe(daily, store));
            assertTrue(steady.get(store) > 0 || store.equals("sequences"), "store " + store + " was used: " + daily);
        }
    }

    private Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("episodes", state.episodes().entries().size());
        s.put("windows", state.windows().entries().size());
        s.put("causes", state.causes().entries().size());
        s.put("streams", state.streams().entries().size());
        s.put("sequences", state.sequences().entries().size());
        s.put("hosts", state.hosts().entries().size());
        s.put("kills", state.kills().entries().size());
        s.put("seen", ((InMemoryRecentIds) state.seen()).size());
        return s;
    }

    private static String describe(List<Map<String, Integer>> daily, String store) {
        return daily.stream().map(d -> String.valueOf(d.get(store))).toList().toString();
    }

    /** Whether a signature pattern counts {@code e}: the events the topology sends to be mined. */
    private static boolean wantsSignature(PatternSet library, Event e) {
        return library.candidates(e).stream()
                .anyMatch(p -> p.kind() == dev.vigil.patterns.compile.PatternKind.SIGNATURE && p.match(e).isPresent());
    }
}
