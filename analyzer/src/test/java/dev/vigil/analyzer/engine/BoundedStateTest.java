package dev.vigil.analyzer.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.library.PatternLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
    /** Hosts that live through the whole run, and one more host that lives one hour, every hour. */
    private static final int LASTING_HOSTS = 2;
    private static final Duration TICK = Duration.ofMinutes(5);
    private static final Duration HOUSEKEEPING = Duration.ofMinutes(10);
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
            for (Event e : eventsOfHour(hour)) {
                for (; tick.isBefore(e.ts()); tick = tick.plus(TICK)) {
                    engine.onTick(tick);
                    if (!tick.isBefore(housekeeping.plus(HOUSEKEEPING))) {
                        engine.expire(tick);
                        housekeeping = tick;
                    }
                }
                engine.onEvent(e, e.ts(), e.ts());
                if (PatternEngine.wantsSignature(library, e)) { // each message its own template: many signatures
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

    /** One hour of a small fleet: every key (unit, pid, file, message) is new and never comes back. */
    private static List<Event> eventsOfHour(int hour) {
        PriorityQueue<Event> out = new PriorityQueue<>((a, b) -> a.ts().compareTo(b.ts()));
        Instant start = T0.plus(Duration.ofHours(hour));
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < LASTING_HOSTS; i++) {
            hosts.add("lasting-" + i);
        }
        hosts.add("passing-" + hour);
        for (String host : hosts) {
            String tag = host + "-h" + hour;
            String file = "/var/log/app/" + tag + ".log";
            // sparse heartbeats keep the test fast; every gap of 30 minutes is a host_silent episode, more state to bound
            for (int m = 0; m < 60; m += 30) {
                Instant at = start.plus(Duration.ofMinutes(m)).plusSeconds(host.hashCode() & 7);
                out.add(Event.builder(host, Source.SHIPPER, at, "heartbeat").identifier("heartbeat").id(tag + "-hb" + m).build());
                out.add(Event.builder(host, Source.FILE, at.plusSeconds(1), "GET /health 200").file(file).id(tag + "-log" + m).build());
            }
            Instant failed = start.plus(Duration.ofMinutes(3));
            String unit = "job-" + tag + ".service";
            for (int k = 0; k < 2; k++) {
                out.add(Event.builder(host, Source.JOURNALD, failed.plusSeconds(30L * k), unit + ": Failed with result 'exit-code'.")
                        .unit(unit).id(tag + "-fail" + k).build());
            }
            out.add(Event.builder(host, Source.JOURNALD, failed.plusSeconds(5), "ValueError: bad record " + tag)
                    .unit(unit).priority(3).id(tag + "-exc").build());
            out.add(Event.builder(host, Source.FILE, failed.plusSeconds(7), "2026-03-01 ERROR order " + tag + " rejected")
                    .file(file).id(tag + "-err").build());
            Instant kill = start.plus(Duration.ofMinutes(41));
            int pid = 10_000 + Math.floorMod(tag.hashCode(), 50_000);
            out.add(Event.builder(host, Source.KERNEL, kill, "worker invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE)")
                    .id(tag + "-invoked").build());
            out.add(Event.builder(host, Source.KERNEL, kill.plusMillis(20), "Out of memory: Killed process " + pid
                    + " (worker) total-vm:1024000kB, anon-rss:512000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:1024kB oom_score_adj:0")
                    .id(tag + "-kill").build());
        }
        List<Event> sorted = new ArrayList<>();
        while (!out.isEmpty()) {
            sorted.add(out.poll());
        }
        return sorted;
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
}
