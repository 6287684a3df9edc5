package dev.vigil.analyzer.engine;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Events of a fleet whose keys never repeat, for tests and benches of bounded state: some hosts
 * live through the whole run, one or more new hosts live one hour each, and every hour each host
 * writes to a new log file, fails new units, has new pids OOM-killed and logs new error
 * messages, all matched by the standard library. Deterministic: an hour's events depend only on
 * the hour.
 *
 * @param start the first hour's start
 * @param lastingHosts hosts that live through the run
 * @param passingHostsPerHour new hosts each hour, each silent for good after it
 * @param heartbeat how often each host's shipper sends a heartbeat (and its app logs a line)
 * @param keysPerHour units, OOM-killed pids and error messages each host adds each hour
 */
public record ChurningFleet(Instant start, int lastingHosts, int passingHostsPerHour, Duration heartbeat,
        int keysPerHour) {

    /** New keys (hosts, log files, units, pids, error messages) one hour adds. */
    public long newKeysPerHour() {
        return passingHostsPerHour + (long) (lastingHosts + passingHostsPerHour) * (1 + 3L * keysPerHour);
    }

    /** The events of hour {@code hour} (from 0), in time order. */
    public List<Event> hour(int hour) {
        List<Event> out = new ArrayList<>();
        Instant from = start.plus(Duration.ofHours(hour));
        for (int i = 0; i < lastingHosts; i++) {
            hostHour(out, "lasting-" + i, hour, from);
        }
        for (int i = 0; i < passingHostsPerHour; i++) {
            hostHour(out, "passing-" + hour + "-" + i, hour, from);
        }
        out.sort(Comparator.comparing(Event::ts));
        return out;
    }

    private void hostHour(List<Event> out, String host, int hour, Instant from) {
        String tag = host + "-h" + hour;
        String file = "/var/log/app/" + tag + ".log";
        long beats = Duration.ofHours(1).dividedBy(heartbeat);
        Instant first = from.plusMillis(Math.floorMod(host.hashCode(), 997));
        for (long b = 0; b < beats; b++) {
            Instant at = first.plus(heartbeat.multipliedBy(b));
            out.add(Event.builder(host, Source.SHIPPER, at, "heartbeat").identifier("heartbeat").id(tag + "-hb" + b).build());
            out.add(Event.builder(host, Source.FILE, at.plusMillis(300), "GET /health 200").file(file)
                    .id(tag + "-log" + b).build());
        }
        Duration step = Duration.ofHours(1).dividedBy(keysPerHour + 1);
        for (int k = 0; k < keysPerHour; k++) {
            Instant at = first.plus(step.multipliedBy(k)).plusSeconds(90);
            String unit = "job-" + tag + "-" + k + ".service";
            for (int n = 0; n < 2; n++) {
                out.add(Event.builder(host, Source.JOURNALD, at.plusSeconds(20L * n), unit + ": Failed with result 'exit-code'.")
                        .unit(unit).id(tag + "-fail" + k + "-" + n).build());
            }
            out.add(Event.builder(host, Source.JOURNALD, at.plusSeconds(5), "ValueError: bad record " + tag + "-" + k)
                    .unit(unit).priority(3).id(tag + "-exc" + k).build());
            out.add(Event.builder(host, Source.FILE, at.plusSeconds(7), "ERROR order " + tag + "-" + k + " rejected")
                    .file(file).id(tag + "-err" + k).build());
            int pid = 10_000 + Math.floorMod((tag + k).hashCode(), 4_000_000);
            out.add(Event.builder(host, Source.KERNEL, at.plusSeconds(40), "worker invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE)")
                    .id(tag + "-invoked" + k).build());
            out.add(Event.builder(host, Source.KERNEL, at.plusSeconds(40).plusMillis(20), "Out of memory: Killed process " + pid
                    + " (worker) total-vm:1024000kB, anon-rss:512000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:1024kB oom_score_adj:0")
                    .id(tag + "-kill" + k).build());
        }
    }
}
