package dev.vigil.analyzer.bench;

import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Detection latency of the live analyzer ({@link Analyzer}: EOS v2, the full library) on an
 * embedded broker: ordinary events at a steady background rate, and among them DETECTIONS
 * detections, half crash loops (five restarts of a unit, 200 ms apart: the fifth crosses the
 * threshold) and half OOM kills (one kernel line). For each: the time from handing the crossing
 * event to the producer to the incident's first record on {@code vigil.incidents}, as a
 * read-committed consumer sees it. Beside it, on the same load, the "pass-through" Kafka Streams
 * topology ({@link LatencyTarget#passThrough}): the same crossing events, each to its first
 * windowed count, the floor of any EOS v2 Streams application with a repartition on this
 * broker. Two rows per background rate, each on a fresh broker.
 *
 * <pre>DetectionLatencyBench DETECTIONS SECONDS RATE[,RATE…] [HOSTS [STREAMS_SETTING=VALUE,…]]</pre>
 *
 * The optional Kafka Streams settings go to the analyzer as extra client properties (they win
 * over the defaults {@link Analyzer#streamsProperties} leaves alone): how a setting moves the
 * latency is measured, not guessed.
 */
public final class DetectionLatencyBench {
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration RESTART_GAP = Duration.ofMillis(200);
    /** How long the bench waits, after the last crossing event, for incidents still to come. */
    private static final Duration DRAIN = Duration.ofSeconds(90);
    private static final int RESTARTS = 5;

    /** One detection, by the key its answer carries ({@link LatencyTarget#detectionOf}). */
    private record Detection(String key) {}

    /** One event to send at {@code offsetNanos} after the start; {@code detection} when it crosses a threshold. */
    private record Send(long offsetNanos, Event event, Detection detection) {}

    public static void main(String[] args) throws Exception {
        int detections = Integer.parseInt(args[0]);
        Duration span = Duration.ofSeconds(Long.parseLong(args[1]));
        int[] rates = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int hosts = args.length > 3 ? Integer.parseInt(args[3]) : 48;
        Map<String, String> streams = new HashMap<>();
        if (args.length > 4 && !args[4].isBlank()) {
            for (String kv : args[4].split(",")) {
                streams.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            System.out.println("analyzer with Kafka Streams settings " + streams);
        }
        List<String> rows = new ArrayList<>();
        for (int rate : rates) {
            Path work = Files.createTempDirectory("vigil-bench-latency");
            try {
                rows.add(run(work, detections, span, rate, hosts, streams, false));
                rows.add(run(work.resolve("peer"), detections, span, rate, hosts, streams, true));
            } finally {
                Replay.deleteScratch(work);
            }
        }
        System.out.println("| run | background target events/s | achieved events/s | detections | seen | p50 ms | p99 ms | max ms "
                + "| broker ack p50 / p99 ms | lag at last crossing (events) | load avg |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.forEach(System.out::println);
    }

    private static String run(Path work, int count, Duration span, int rate, int hosts, Map<String, String> streams,
            boolean peer) throws Exception {
        try (BenchKafka kafka = BenchKafka.start(work.resolve("kafka"), VigilTopics.DEFAULT_EVENT_PARTITIONS);
                LatencyTarget target = peer ? LatencyTarget.passThrough(kafka.bootstrap(), work.resolve("state"))
                        : LatencyTarget.analyzer(kafka.bootstrap(), work.resolve("state"), streams);
                KafkaProducer<String, byte[]> producer = kafka.producer()) {
            List<Send> plan = plan(count, span, hosts, target.crossingOnly());
            Map<String, Long> crossedAt = new HashMap<>();
            Map<String, Long> ackedAt = new ConcurrentHashMap<>();
            long lagAtLast;
            double achieved;
            try (PacedLoad load = new PacedLoad(producer, BenchLines.load(), rate, hosts)) {
                load.start();
                long start = System.nanoTime();
                for (Send s : plan) {
                    parkUntil(start + s.offsetNanos());
                    Event e = s.event().toBuilder().ts(Instant.now()).build();
                    Detection d = s.detection();
                    if (d != null) {
                        crossedAt.put(d.key(), System.nanoTime());
                    }
                    producer.send(new ProducerRecord<>(VigilTopics.EVENTS, e.host(), EventJson.toBytes(e)), (meta, error) -> {
                        if (d != null && error == null) {
                            ackedAt.put(d.key(), System.nanoTime());
                        }
                    });
                }
                lagAtLast = kafka.lag(target.group());
                System.err.printf("latency: %s, last crossing sent, %,d background events, lag %,d%n", target.name(), load.sent(),
                        lagAtLast);
                target.watch().await(arrivals -> first(arrivals, target).keySet().containsAll(crossedAt.keySet()), DRAIN);
                achieved = load.stop();
            }
            Map<String, Long> answered = first(target.watch().arrivals(), target);
            long[] millis = between(crossedAt, answered, "");
            for (String type : peer ? List.<String>of() : List.of("restart_burst", "oom_kill")) {
                long[] of = between(crossedAt, answered, type + " ");
                System.out.printf("latency: %,d events/s, %s: %d seen, p50 %s ms, p99 %s ms, max %s ms%n", rate, type, of.length,
                        percentile(of, 50), percentile(of, 99), percentile(of, 100));
            }
            long[] acks = between(crossedAt, ackedAt, "");
            return String.format(Locale.ROOT, "| %s | %,d | %,.0f | %d | %d | %s | %s | %s | %s / %s | %,d | %s |", target.name(), rate,
                    achieved, count, millis.length, percentile(millis, 50), percentile(millis, 99), percentile(millis, 100),
                    percentile(acks, 50), percentile(acks, 99), lagAtLast, loadAverage());
        }
    }

    /**
     * Crash loops and OOM kills in turn, evenly over {@code span} after the warm-up, each on a unit
     * or process of its own; with {@code crossingOnly}, only the crossing events, each on a host
     * of its own ({@code probe-K}, the detection's key).
     */
    private static List<Send> plan(int count, Duration span, int hosts, boolean crossingOnly) {
        List<Send> sends = new ArrayList<>();
        long step = span.toNanos() / count;
        Instant unused = Instant.EPOCH; // every event is stamped when it is sent
        for (int k = 0; k < count; k++) {
            long at = WARM_UP.toNanos() + k * step;
            String host = crossingOnly ? "probe-" + k : "host-" + (k * 7 % hosts);
            if (k % 2 == 0) {
                String unit = "loop-" + k + ".service";
                Detection d = new Detection(crossingOnly ? host : "restart_burst " + host + " " + unit);
                for (int n = crossingOnly ? RESTARTS : 1; n <= RESTARTS; n++) {
                    long offset = at - (RESTARTS - n) * RESTART_GAP.toNanos();
                    sends.add(new Send(offset, BenchLines.restart(host, unit, n, unused), n == RESTARTS ? d : null));
                }
            } else {
                String comm = "worker-" + k;
                sends.add(new Send(at, BenchLines.oomKill(host, 300_000 + k, comm, unused),
                        new Detection(crossingOnly ? host : "oom_kill " + host + " " + comm)));
            }
        }
        sends.sort(Comparator.comparingLong(Send::offsetNanos));
        return sends;
    }

    /** Milliseconds from crossing to {@code then}, sorted, of the detections whose key starts with {@code prefix}. */
    private static long[] between(Map<String, Long> crossedAt, Map<String, Long> then, String prefix) {
        return crossedAt.entrySet().stream().filter(c -> c.getKey().startsWith(prefix) && then.containsKey(c.getKey()))
                .mapToLong(c -> TimeUnit.NANOSECONDS.toMillis(then.get(c.getKey()) - c.getValue())).sorted().toArray();
    }

    /** When the first record answering each detection arrived. */
    private static Map<String, Long> first(List<? extends RecordWatch.Arrival<?>> arrivals, LatencyTarget target) {
        Map<String, Long> first = new HashMap<>();
        for (RecordWatch.Arrival<?> a : arrivals) {
            String key = target.detectionOf(a);
            if (key != null) {
                first.putIfAbsent(key, a.nanos());
            }
        }
        return first;
    }

    /** The machine's load averages (1, 5, 15 min): the other work sharing the cores. */
    static String loadAverage() throws java.io.IOException {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    }

    private static String percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return String.format(Locale.ROOT, "%,d", sorted[Math.max(0, index)]);
    }

    /** A benchmark's schedule: sends are due at fixed moments, whatever the machine does meanwhile. */
    private static void parkUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private DetectionLatencyBench() {}
}
