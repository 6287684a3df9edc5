package dev.vigil.analyzer.bench;

import dev.vigil.analyzer.faults.AnalyzerProcess;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;

/**
 * One analyzer instance against two sharing an application id, on the same events of a
 * 6-partition {@code vigil.events}: throughput of each, then two instances of which one is
 * killed with SIGKILL when 40 % of the events are committed. Every run must give the same
 * incident changes as the single instance: none lost, none twice. Each run is a new application
 * id over the same events; the instances are {@code java -jar vigil.jar analyze} processes.
 *
 * <pre>ScaleBench JAR EVENTS EPISODES [JFR_OF_THE_SINGLE_INSTANCE]</pre>
 */
public final class ScaleBench {
    static final int PARTITIONS = 6;
    private static final int HOSTS = 24;
    /** Event time the events cover, ending a minute ago. */
    private static final Duration SPAN = Duration.ofMinutes(40);
    private static final Duration RESTART_SEC = Duration.ofSeconds(11);
    /** Incidents are sent at most once a second per episode: no record for this long means the run's last one came. */
    private static final Duration SETTLED = Duration.ofSeconds(5);
    private static final Duration LIMIT = Duration.ofMinutes(20);

    /** What a run measured. */
    /** @param peakRssMib the largest peak RSS of the run's instances still alive at its end */
    private record Run(String name, int instances, long events, double seconds, List<Incident> changes, double loadAfter,
            long peakRssMib) {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int events = Integer.parseInt(args[1]);
        int episodes = Integer.parseInt(args[2]);
        Path jfr = args.length > 3 ? Path.of(args[3]) : null;
        Path work = Files.createTempDirectory("vigil-bench-scale");
        try (BenchKafka kafka = BenchKafka.start(work.resolve("kafka"), PARTITIONS)) {
            int loops = produce(kafka, events, episodes);
            System.out.printf("events: %,d on %d partitions, %d hosts; %d crash loops and %d OOM kills over %d min of event time%n",
                    events, PARTITIONS, HOSTS, loops, episodes - loops, SPAN.toMinutes());
            Run one = run(kafka, jar, work, "one instance", 1, false, jfr);
            Run two = run(kafka, jar, work, "two instances", 2, false, null);
            Run killed = run(kafka, jar, work, "two, one kill -9 at 40 %", 2, true, null);
            System.out.println("| run | instances | events | s (first to last commit) | events/s | ratio to one | incident changes "
                    + "| lost vs one | extra vs one | sent twice | reminders | peak RSS MiB (largest instance) | load avg after |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            for (Run r : List.of(one, two, killed)) {
                System.out.println(row(r, one));
            }
        } finally {
            Replay.deleteScratch(work);
        }
    }

    /**
     * Writes the events: ordinary lines on every host, and the episodes, each host's at least
     * {@code SPAN / episodes per host} apart so that no two of them link or merge; crash loops
     * on even hosts, kills on odd ones. Returns the number of crash loops.
     */
    private static int produce(BenchKafka kafka, int events, int episodes) throws Exception {
        BenchLines lines = BenchLines.load();
        Instant base = Instant.now().minus(SPAN).minus(Duration.ofMinutes(1));
        long stepNanos = SPAN.toNanos() / events;
        Map<Integer, List<Event>> episodeAt = new HashMap<>();
        int perHost = Math.max(1, (episodes + HOSTS - 1) / HOSTS);
        int loops = 0;
        for (int k = 0; k < episodes; k++) {
            int host = k % HOSTS;
            int slot = k / HOSTS;
            int at = (int) ((long) events * (2L * slot + 1) / (2L * perHost)) - (int) (host * 10L);
            Instant ts = base.plusNanos(at * stepNanos);
            String name = "h-" + host;
            if (host % 2 == 0) {
                String unit = "loop-" + k + ".service";
                for (int n = 1; n <= 5; n++) {
                    int index = at + (int) ((n - 1) * RESTART_SEC.toNanos() / stepNanos);
                    episodeAt.computeIfAbsent(index, i -> new ArrayList<>())
                            .add(BenchLines.restart(name, unit, n, base.plusNanos(index * stepNanos)));
                }
                loops++;
            } else {
                episodeAt.computeIfAbsent(at, i -> new ArrayList<>()).add(BenchLines.oomKill(name, 400_000 + k, "worker-" + k, ts));
            }
        }
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            int sent = 0;
            for (int i = 0; sent < events; i++) {
                List<Event> batch = new ArrayList<>(episodeAt.getOrDefault(i, List.of()));
                batch.add(lines.ordinary("h-" + i % HOSTS, i, base.plusNanos(i * stepNanos)));
                for (Event e : batch) {
                    producer.send(new ProducerRecord<>(VigilTopics.EVENTS, e.host(), EventJson.toBytes(e)));
                    sent++;
                }
            }
            producer.flush();
        }
        return loops;
    }

    private static Run run(BenchKafka kafka, Path jar, Path work, String name, int instances, boolean killOne, Path jfr)
            throws Exception {
        String group = "bench-scale-" + (killOne ? "kill" : instances);
        long total = kafka.lag(group);
        System.err.printf("scale: %s, %,d events%n", name, total);
        List<AnalyzerProcess> jvms = new ArrayList<>();
        try (RecordWatch<Incident> watch = new RecordWatch<>(kafka.bootstrap(), VigilTopics.INCIDENTS, IncidentJson::parse)) {
            for (int i = 0; i < instances; i++) {
                jvms.add(instance(jar, work.resolve(group + "-" + i), kafka.bootstrap(), group, i == 0 ? jfr : null));
            }
            for (AnalyzerProcess jvm : jvms) {
                jvm.awaitRunning(Duration.ofMinutes(3));
            }
            long[] first = new long[2]; // nanos and lag at the first commit
            long[] killed = {0};
            Awaitility.await(name + " to process every event").atMost(LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                long lag = kafka.lag(group);
                if (first[0] == 0 && lag < total) {
                    first[0] = System.nanoTime();
                    first[1] = lag;
                }
                if (killOne && killed[0] == 0 && lag <= total * 6 / 10) {
                    jvms.get(1).killNine();
                    killed[0] = System.nanoTime();
                    System.err.printf("scale: killed one instance with %,d events left%n", lag);
                }
                return lag == 0;
            });
            double seconds = (System.nanoTime() - first[0]) / 1e9;
            Awaitility.await(name + "'s last incident updates").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> settled(watch.arrivals()));
            List<Incident> changes = watch.arrivals().stream().map(RecordWatch.Arrival::value).toList();
            long peakRss = jvms.stream().mapToLong(AnalyzerProcess::peakRssMib).max().orElse(-1);
            return new Run(name, instances, first[1], seconds, changes, Double.parseDouble(DetectionLatencyBench.loadAverage().split(" ")[0]),
                    peakRss);
        } finally {
            for (AnalyzerProcess jvm : jvms) {
                jvm.stop();
            }
        }
    }

    /**
     * An instance of {@code applicationId} as a user runs it ({@code java -jar vigil.jar analyze} with the
     * launcher's JVM options: C2), its data and state under {@code home}; with {@code jfr}, recording there.
     */
    private static AnalyzerProcess instance(Path jar, Path home, String bootstrap, String applicationId, Path jfr)
            throws java.io.IOException {
        Files.createDirectories(home);
        Path repo = jar.toAbsolutePath().getParent().getParent().getParent(); // JAR is REPO/analyzer/target/vigil.jar
        return AnalyzerProcess.builder(bootstrap, applicationId).asLauncherRuns(repo).flightRecording(jfr)
                .dataDir(home.resolve("data")).stateDir(home.resolve("state")).output(home.resolve("analyzer.out"))
                .named(home.getFileName().toString()).start();
    }

    private static boolean settled(List<RecordWatch.Arrival<Incident>> arrivals) {
        return !arrivals.isEmpty() && System.nanoTime() - arrivals.get(arrivals.size() - 1).nanos() > SETTLED.toNanos();
    }

    /**
     * What a consumer of an incident change acts on: which incident, its status, its count, what it
     * links to. Reminders are left out: they follow the wall clock (an hour after the last record,
     * once the input is caught up), so how many a run sends depends on its pace, not on its events.
     * A first record is a change whatever it says of itself.
     */
    private record Change(String id, Incident.Status status, long count, Set<String> related) {
        static Change of(Incident i) {
            return new Change(i.id(), i.status(), i.count(), i.related() == null ? Set.of() : Set.copyOf(i.related()));
        }
    }

    private static boolean reminder(Incident i) {
        return i.renotified() != null && i.renotified() > 0;
    }

    /** The run's changes in arrival order: every first record of an incident, and the later records that are no reminders. */
    private static List<Change> changes(Run r) {
        Set<String> opened = new HashSet<>();
        return r.changes().stream().filter(i -> opened.add(i.id()) || !reminder(i)).map(Change::of).toList();
    }

    /** A change with what its incident is about, so that two ids of one episode can be told apart. */
    private static String describe(Change c, Run in) {
        return in.changes().stream().filter(i -> i.id().equals(c.id())).findFirst()
                .map(i -> c + " host=" + i.host() + " subject=" + i.subject() + " first_seen=" + i.firstSeen() + " last_seen="
                        + i.lastSeen())
                .orElse(c.toString());
    }

    private static String row(Run r, Run one) {
        Map<Change, Long> counted = changes(r).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Set<Change> reference = new HashSet<>(changes(one));
        Set<Change> lost = new HashSet<>(reference);
        lost.removeAll(counted.keySet());
        Set<Change> extra = new HashSet<>(counted.keySet());
        extra.removeAll(reference);
        long twice = counted.values().stream().filter(n -> n > 1).count();
        // a reminder is one only after a first record of its incident: the first record must not say it reminds
        Set<String> opened = new HashSet<>();
        long firstAsReminder = r.changes().stream().filter(i -> opened.add(i.id()) && reminder(i)).count();
        long reminders = r.changes().stream().filter(ScaleBench::reminder).count();
        lost.stream().limit(3).forEach(c -> System.err.println("scale: " + r.name() + " lacks " + describe(c, one)));
        extra.stream().limit(3).forEach(c -> System.err.println("scale: " + r.name() + " has more: " + describe(c, r)));
        double rate = r.events() / r.seconds();
        return String.format(Locale.ROOT, "| %s | %d | %,d | %.1f | %,.0f | %.2f | %d | %d | %d | %d | %d (%d first records) | %d | %.1f |",
                r.name(), r.instances(), r.events(), r.seconds(), rate, rate / (one.events() / one.seconds()),
                counted.values().stream().mapToLong(Long::longValue).sum(), lost.size(), extra.size(), twice, reminders,
                firstAsReminder, r.peakRssMib(), r.loadAfter());
    }

    private ScaleBench() {}
}
