package dev.vigil.analyzer.bench;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The events the latency and scale benches send: real lines, varied only where a fleet varies
 * them (unit, pid, process, host). Where each line comes from is in {@code bench/latency/SOURCES}.
 */
final class BenchLines {
    /** systemd 239's restart counter line (pac4cli.service); the unit and counter vary. */
    static final String RESTART = "%s: Scheduled restart job, restart counter is at %d.";
    static final String RESTART_MESSAGE_ID = "5eb03494b6584870a536b337290809b3";
    /** Linux 6.16.9's OOM kill line (uwsgi); the pid and process vary. */
    static final String OOM = "Out of memory: Killed process %d (%s) total-vm:517892kB, anon-rss:263092kB, "
            + "file-rss:29128kB, shmem-rss:0kB, UID:33 pgtables:740kB oom_score_adj:0";
    /** Ordinary lines are those of the app-log fixture whose level and text say nothing went wrong. */
    private static final Pattern TROUBLE = Pattern.compile("(?i)error|fatal|exception|fail|killed");

    /** One ordinary app-log line: as written to the file, and its message after the header. */
    record Ordinary(String line, String message) {}

    private final List<Ordinary> ordinary;

    private BenchLines(List<Ordinary> ordinary) {
        this.ordinary = List.copyOf(ordinary);
    }

    /** Reads the ordinary lines of {@code app-log-headers/lines.tsv} (test resources, sources beside it). */
    static BenchLines load() {
        List<Ordinary> lines = new ArrayList<>();
        var in = Objects.requireNonNull(BenchLines.class.getResourceAsStream("/app-log-headers/lines.tsv"),
                "app-log-headers/lines.tsv on the test classpath");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String row = r.readLine(); row != null; row = r.readLine()) {
                String[] cols = row.split("\t");
                if (row.startsWith("#") || cols.length < 4 || cols[3].equals("ERROR") || cols[3].equals("FATAL")
                        || TROUBLE.matcher(cols[1]).find()) {
                    continue;
                }
                lines.add(new Ordinary(cols[1], cols[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchLines(lines);
    }

    /**
     * The {@code i}-th ordinary event of {@code host}: every other one a journald entry of
     * {@code app.service}, the others a line of {@code /var/log/app/app.log}.
     */
    Event ordinary(String host, long i, Instant ts) {
        Ordinary o = ordinary.get((int) (i % ordinary.size()));
        String id = EventIds.of(host, i % 2 == 0 ? Source.JOURNALD : Source.FILE, "bench", "ordinary-" + i);
        if (i % 2 == 0) {
            return Event.builder(host, Source.JOURNALD, ts, o.message()).unit("app.service").identifier("app").pid(4242L)
                    .priority(6).id(id).build();
        }
        return Event.builder(host, Source.FILE, ts, o.line()).file("/var/log/app/app.log").offset(i * 120).id(id).build();
    }

    /** systemd's {@code n}-th restart of {@code unit} on {@code host}. */
    static Event restart(String host, String unit, int n, Instant ts) {
        return Event.builder(host, Source.JOURNALD, ts, String.format(RESTART, unit, n)).unit(unit).identifier("systemd")
                .pid(1L).messageId(RESTART_MESSAGE_ID).priority(6).fields(Map.of("N_RESTARTS", String.valueOf(n)))
                .id(EventIds.of(host, Source.JOURNALD, "bench", "restart-" + unit + "-" + n)).build();
    }

    /** The kernel's OOM kill of {@code comm} (pid {@code pid}) on {@code host}. */
    static Event oomKill(String host, long pid, String comm, Instant ts) {
        return Event.builder(host, Source.KERNEL, ts, String.format(OOM, pid, comm)).bootId("bench-boot").priority(3)
                .id(EventIds.of(host, Source.KERNEL, "bench", "kill-" + pid)).build();
    }
}
