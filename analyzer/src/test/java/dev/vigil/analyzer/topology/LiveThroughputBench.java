package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ReplayInput;
import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.EventJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * The live analyzer's throughput beside a plain Kafka Streams topology ("pass-through": filter,
 * re-key, repartition, 1-minute windowed count) on the same events, from the same embedded broker,
 * in one run, both exactly-once v2 with the analyzer's Streams settings. The events are an
 * application log's lines (replay's reader) written by HOSTS hosts, produced once to
 * {@code vigil.events}; each application then consumes them all from the start. Throughput is
 * measured from its first committed offset to the last; CPU is its stream threads' own (with the
 * bytes they allocated: the memory an event touches there), and the whole process's (broker
 * included: a repartition topic costs the broker too) over the same span; RSS is the process's
 * (broker included) when the run ends.
 *
 * <pre>LiveThroughputBench LOG [HOSTS [STREAMS_SETTING=VALUE,… [PAIRS]]]</pre>
 *
 * The two applications run alternately, PAIRS times each (default 3: pass-through, vigil; vigil,
 * pass-through; pass-through, vigil), each run a fresh application id on the same broker and JVM
 * reading all events from the start: one run of ~10 s measures the JIT's and the host's moment as
 * much as the application (the same code gave 0.87× and 1.31× a minute apart), so the bench prints
 * every run, each pair's ratio and the median of the pairs. A warm-up round runs each application
 * once first and is not counted: the application that ran first on the fresh JVM paid for compiling
 * Kafka Streams' code, which every later run found compiled.
 *
 * The optional Kafka Streams settings go to both applications as extra client properties (they
 * win over the defaults {@link Analyzer#streamsProperties} leaves alone), so both keep the same
 * settings while one is tried.
 */
public final class LiveThroughputBench {
    private static final Duration LIMIT = Duration.ofMinutes(15);
    /** The pass-through topology's output topic. */
    public static final String PASS_THROUGH_OUTPUT = "bench.counts";

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Map<String, String> settings = new HashMap<>();
        if (args.length > 2 && !args[2].isBlank()) {
            for (String kv : args[2].split(",")) {
                settings.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            System.out.println("both with Kafka Streams settings " + settings);
        }
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path work = Files.createTempDirectory("vigil-bench-live");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(work.resolve("broker"), 0, false))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                VigilTopics.ensure(admin, VigilTopics.DEFAULT_EVENT_PARTITIONS, (short) 1);
                admin.createTopics(List.of(new NewTopic(PASS_THROUGH_OUTPUT, 1, (short) 1))).all().get();
                long events = produce(kafka.bootstrapServers(), log, hosts);
                System.out.printf("events: %,d app-log events from %s as %d hosts, on %d partitions; a warm-up round (not "
                        + "counted), then %d rounds of runs of the three applications, each round in another order, each run a fresh "
                        + "application%n", events, log, hosts,
                        VigilTopics.DEFAULT_EVENT_PARTITIONS, pairs);
                System.out.println("| run | events | s (first to last commit) | events/s | stream-thread CPU s | CPU µs/event "
                        + "| process CPU µs/event | RSS MiB | load average |");
                System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
                AnalyzerConfig base = AnalyzerConfig.defaults(kafka.bootstrapServers(), work.resolve("state"))
                        .withClientProperties(settings);
                StringBuilder waits = new StringBuilder();
                // round 0, not counted: each application once, so that no round runs one of them on a JVM
                // where no Kafka Streams code is compiled yet (the first application of round 1 was
                // measured at its JIT's 3 µs/event, the others at 0.1-0.4, which flattered the others)
                for (App app : App.values()) {
                    System.gc();
                    run(app, base, 0, pairs, admin, events, waits);
                }
                List<Run> runs = new ArrayList<>();
                for (int pair = 1; pair <= pairs; pair++) {
                    // P V R, V R P, R P V, …: no application always runs first, on the colder JVM
                    for (int i = 0; i < App.values().length; i++) {
                        App app = App.values()[(pair - 1 + i) % App.values().length];
                        System.gc(); // the previous run's garbage is not the next one's to collect
                        runs.add(run(app, base, pair, pairs, admin, events, waits));
                    }
                }
                System.out.println();
                System.out.print(ratios(runs, pairs));
                System.out.println();
                System.out.println("| run | stream threads µs/event | other client threads | broker and other Java threads "
                        + "| no Java thread: JIT, GC, RocksDB | process |");
                System.out.println("|---|---:|---:|---:|---:|---:|");
                System.out.print(CPU_SHARES);
                System.out.println();
                System.out.println("| run | commits (since start) | window s | stream threads CPU s | GC pauses s | poll waiting s "
                        + "| producer flush s | send offsets s | commit transaction s | rest s |");
                System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                System.out.print(waits);
                System.out.println();
                System.out.println("| run | topic written (application id left out) | records | records per commit "
                        + "| KiB per commit (compressed) | producer request latency ms (avg) |");
                System.out.println("|---|---|---:|---:|---:|---:|");
                System.out.print(WRITES);
            }
        } finally {
            Replay.deleteScratch(work);
        }
    }

    /**
     * The applications a round runs: the pass-through the issue measures against, Vigil, and a
     * topology that reads every event and does nothing with it, the floor of any Kafka Streams
     * application that reads the events (Vigil does all it does and more).
     */
    enum App { PASS_THROUGH, VIGIL, READ_ONLY }

    /** One application's run: its throughput and its stream threads' CPU per event. */
    private record Run(App app, int pair, double eventsPerSecond, double streamMicrosPerEvent, double streamBytesPerEvent,
            String load, Window window) {}

    /**
     * Where the timed window's wall time went, in seconds: the stream threads' CPU, the JVM's
     * collections (stop-the-world: every thread waits), and the waits Kafka's clients count
     * (KIP-761 totals, taken at the first commit and at the last).
     */
    private record Window(double wall, double streamCpu, double gc, Map<String, Double> waits) {
        double wait(String name) {
            return waits.getOrDefault(name, 0.0);
        }
    }

    /** One run of {@code app} in round {@code pair} (0: the warm-up round, which is not counted). */
    private static Run run(App app, AnalyzerConfig base, int pair, int pairs, Admin admin, long events, StringBuilder waits)
            throws Exception {
        return switch (app) {
            case PASS_THROUGH -> streamsRun(passThrough(), "pass-through (Kafka Streams)", app, base, pair, pairs, admin, events,
                    waits);
            case VIGIL -> vigilRun(base, pair, pairs, admin, events, waits);
            case READ_ONLY -> streamsRun(readOnly(), "read-only (Kafka Streams)", app, base, pair, pairs, admin, events, waits);
        };
    }

    /** A run's name in the tables: the round of the rounds, or the warm-up. */
    private static String runName(String label, int pair, int pairs) {
        return label + ", " + (pair == 0 ? "warm-up" : pair + "/" + pairs);
    }

    private static Run streamsRun(Topology topology, String label, App app, AnalyzerConfig base, int pair, int pairs, Admin admin,
            long events, StringBuilder waits) throws Exception {
        AnalyzerConfig pass = base.withApplicationId("bench-" + app.name().toLowerCase(java.util.Locale.ROOT) + "-" + pair);
        String name = runName(label, pair, pairs);
        KafkaStreams streams = new KafkaStreams(topology, Analyzer.streamsProperties(pass));
        Run run;
        try (streams) {
            streams.start();
            run = report(name, app, pair, admin, pass.applicationId(), events, () -> waitTotals(streams));
            waits.append(waits(name, streams, run.window()));
            writes(name, pass.applicationId(), streams);
        }
        streams.cleanUp(); // the next runs' disk and page cache are not this one's stores
        return run;
    }

    private static Run vigilRun(AnalyzerConfig base, int pair, int pairs, Admin admin, long events, StringBuilder waits)
            throws Exception {
        AnalyzerConfig vigil = base.withApplicationId("bench-vigil-" + pair);
        Analyzer analyzer = new Analyzer(vigil);
        Run run;
        try (analyzer) {
            analyzer.start();
            String name = runName("vigil analyze (" + analyzer.patternCount() + " patterns)", pair, pairs);
            run = report(name, App.VIGIL, pair, admin, vigil.applicationId(), events,
                    () -> waitTotals(analyzer.kafkaStreams()));
            waits.append(waits(name, analyzer.kafkaStreams(), run.window()));
            writes(name, vigil.applicationId(), analyzer.kafkaStreams());
        }
        analyzer.kafkaStreams().cleanUp();
        return run;
    }

    /**
     * Each round's vigil / pass-through and read-only / pass-through events/s, and their medians:
     * the figures a run of this bench claims. The second bounds the first: Vigil reads every event
     * as the read-only topology does, and does more.
     */
    private static String ratios(List<Run> runs, int pairs) {
        StringBuilder out = new StringBuilder();
        out.append("| round | order | pass-through events/s | vigil events/s | read-only events/s | vigil / pass-through "
                + "| read-only / pass-through | stream threads µs/event, pass-through / vigil / read-only "
                + "| stream threads bytes allocated/event, pass-through / vigil / read-only |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Double> ratios = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            Run pass = run(runs, pair, App.PASS_THROUGH);
            Run vigil = run(runs, pair, App.VIGIL);
            Run floor = run(runs, pair, App.READ_ONLY);
            double ratio = vigil.eventsPerSecond() / pass.eventsPerSecond();
            double bound = floor.eventsPerSecond() / pass.eventsPerSecond();
            ratios.add(ratio);
            floors.add(bound);
            int round = pair;
            String order = String.join(", ", runs.stream().filter(r -> r.pair() == round).map(r -> label(r.app())).toList());
            out.append(String.format("| %d | %s | %,.0f | %,.0f | %,.0f | %.2f× | %.2f× | %.1f / %.1f / %.1f | %,.0f / %,.0f / %,.0f |%n",
                    pair, order, pass.eventsPerSecond(), vigil.eventsPerSecond(), floor.eventsPerSecond(), ratio, bound,
                    pass.streamMicrosPerEvent(), vigil.streamMicrosPerEvent(), floor.streamMicrosPerEvent(),
                    pass.streamBytesPerEvent(), vigil.streamBytesPerEvent(), floor.streamBytesPerEvent()));
        }
        out.append(String.format("%nvigil / pass-through events/s, median of %d rounds: %.2f× (rounds %s); read-only / pass-through: "
                        + "%.2f× (rounds %s); median events/s pass-through %,.0f, vigil %,.0f, read-only %,.0f; median stream "
                        + "threads µs/event pass-through %.1f, vigil %.1f, read-only %.1f%n",
                pairs, median(ratios), format(ratios), median(floors), format(floors),
                median(eventsPerSecond(runs, App.PASS_THROUGH)), median(eventsPerSecond(runs, App.VIGIL)),
                median(eventsPerSecond(runs, App.READ_ONLY)), median(streamMicros(runs, App.PASS_THROUGH)),
                median(streamMicros(runs, App.VIGIL)), median(streamMicros(runs, App.READ_ONLY))));
        return out.toString();
    }

    private static String label(App app) {
        return switch (app) {
            case PASS_THROUGH -> "pass-through";
            case VIGIL -> "vigil";
            case READ_ONLY -> "read-only";
        };
    }

    private static Run run(List<Run> runs, int pair, App app) {
        return runs.stream().filter(r -> r.pair() == pair && r.app() == app).findFirst().orElseThrow();
    }

    private static List<Double> eventsPerSecond(List<Run> runs, App app) {
        return runs.stream().filter(r -> r.app() == app).map(Run::eventsPerSecond).toList();
    }

    private static List<Double> streamMicros(List<Run> runs, App app) {
        return runs.stream().filter(r -> r.app() == app).map(Run::streamMicrosPerEvent).toList();
    }

    private static List<String> format(List<Double> ratios) {
        return ratios.stream().map(r -> String.format("%.2f×", r)).toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long produce(String bootstrap, Path log, int hosts) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicLong n = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            new Replay(new PatternSet(List.of()), line -> { })
                    .stream(List.of(new ReplayInput(log, null, null, null, null, ZoneOffset.UTC)), new Replay.Options(null, null),
                            e -> {
                                String host = "app-" + (n.getAndIncrement() % hosts);
                                producer.send(new ProducerRecord<>(VigilTopics.EVENTS, host,
                                        EventJson.toBytes(e.toBuilder().host(host).build())));
                            });
            producer.flush();
        }
        return n.get();
    }

    /** Filter, re-key, repartition, 1-minute windowed count: what any keyed aggregation of the events costs. */
    public static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(VigilTopics.EVENTS, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .filter((host, json) -> json != null && json.length > 0)
                .selectKey((host, json) -> host + "/" + (json.length & 7))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("by-key"))
                .groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), Duration.ofHours(1)))
                .count(Materialized.as("counts"))
                .toStream()
                .map((window, count) -> KeyValue.pair(window.key(), count))
                .to(PASS_THROUGH_OUTPUT, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    /**
     * Reads every event and does nothing with it: what Kafka Streams costs an application that
     * reads the events under exactly-once, before it does anything.
     */
    public static Topology readOnly() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(VigilTopics.EVENTS, Consumed.with(Serdes.String(), Serdes.ByteArray())).foreach((host, json) -> { });
        return builder.build();
    }

    /** Waits until {@code group} committed every event; prints its row. */
    private static Run report(String name, App app, int pair, Admin admin, String group, long events,
            java.util.function.Supplier<Map<String, Double>> waitTotals) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < VigilTopics.DEFAULT_EVENT_PARTITIONS; p++) {
            latest.put(new TopicPartition(VigilTopics.EVENTS, p), OffsetSpec.latest());
        }
        long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        long processCpuAtFirst = 0;
        Map<Long, Long> threadCpuAtFirst = Map.of();
        Map<String, Long> nativeCpuAtFirst = Map.of();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long firstAt = 0;
        long firstCommitted = 0;
        double gcAtFirst = 0;
        Map<String, Double> waitsAtFirst = Map.of();
        long committed = 0;
        long lastShown = System.nanoTime();
        while (committed < end && System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            committed = offsets.entrySet().stream().filter(o -> o.getKey().topic().equals(VigilTopics.EVENTS))
                    .mapToLong(o -> o.getValue() == null ? 0 : o.getValue().offset()).sum();
            if (System.nanoTime() - lastShown > 10_000_000_000L) {
                System.err.printf("%s: %,d of %,d committed%n", name, committed, end);
                lastShown = System.nanoTime();
            }
            if (firstAt == 0 && committed > 0) {
                firstAt = System.nanoTime();
                firstCommitted = committed;
                processCpuAtFirst = processCpuNanos();
                threadCpuAtFirst = threadCpuNanos();
                nativeCpuAtFirst = taskCpuTicks();
                gcAtFirst = gcSeconds();
                waitsAtFirst = waitTotals.get();
            }
            Thread.sleep(100); // polling a group's offsets; a benchmark, not a test
        }
        double secs = (System.nanoTime() - firstAt) / 1e9;
        double cpu = streamThreadCpuSince(Map.of());
        double allocated = streamThreadAllocatedBytes();
        double processCpuMicros = (processCpuNanos() - processCpuAtFirst) / 1e3;
        Map<String, Double> waitsInWindow = new HashMap<>(waitTotals.get());
        waitsAtFirst.forEach((k, v) -> waitsInWindow.merge(k, -v, Double::sum));
        Window window = new Window(secs, streamThreadCpuSince(threadCpuAtFirst), gcSeconds() - gcAtFirst, waitsInWindow);
        CPU_SHARES.append(cpuShares(name, threadCpuAtFirst, nativeCpuAtFirst, processCpuMicros * 1e3,
                committed - firstCommitted));
        String load = loadAtStart + "–" + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        double eventsPerSecond = (committed - firstCommitted) / secs;
        System.out.printf("| %s | %,d | %.1f | %,.0f | %.1f | %.1f | %.1f | %d | %s |%n", name, events, secs,
                eventsPerSecond, cpu, cpu * 1e6 / events, processCpuMicros / (committed - firstCommitted), residentMib(), load);
        if (committed < end) {
            System.out.printf("(stopped after %s with %,d of %,d committed)%n", LIMIT, committed, end);
        }
        return new Run(app, pair, eventsPerSecond, cpu * 1e6 / events, allocated / events, load, window);
    }

    /**
     * The KIP-761 totals of where {@code streams}' stream threads wait on Kafka, in seconds since
     * start: the main consumer's poll waiting for fetched records, and the three steps of an
     * exactly-once commit. (Kafka Streams' own "blocked-time-ns-total" adds the restore consumer's
     * waits, which another thread does.)
     */
    private static Map<String, Double> waitTotals(KafkaStreams streams) {
        Map<String, Double> totals = new HashMap<>();
        for (var m : numbers(streams)) {
            double v = m.getValue();
            String client = m.getKey().tags().getOrDefault("client-id", "");
            String name = switch (m.getKey().name()) {
                case "flush-time-ns-total" -> "flush";
                case "txn-send-offsets-time-ns-total" -> "offsets";
                case "txn-commit-time-ns-total" -> "transaction";
                // the stream thread's own consumer, which it polls; not the restore consumer's thread
                case "io-wait-time-ns-total" -> m.getKey().group().equals("consumer-metrics") && client.endsWith("-consumer")
                        && !client.endsWith("restore-consumer") ? "poll" : null;
                default -> null;
            };
            if (name != null) {
                totals.merge(name, v / 1e9, Double::sum);
            }
        }
        return totals;
    }

    /**
     * Where the stream threads' time went in the timed window: their CPU, the collections that
     * stopped them, their waits on Kafka, and the rest (runnable but not running: the other
     * threads had the cores; negative when a collection fell inside a wait, counted in both).
     */
    private static String waits(String name, KafkaStreams streams, Window w) {
        double commits = commits(streams);
        double rest = w.wall() - w.streamCpu() - w.gc() - w.wait("poll") - w.wait("flush") - w.wait("offsets")
                - w.wait("transaction");
        return String.format("| %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", name, commits, w.wall(),
                w.streamCpu(), w.gc(), w.wait("poll"), w.wait("flush"), w.wait("offsets"), w.wait("transaction"), rest);
    }

    /** The metrics of {@code streams} that hold a number (not NaN), with their names. */
    private static List<Map.Entry<MetricName, Double>> numbers(KafkaStreams streams) {
        List<Map.Entry<MetricName, Double>> numbers = new ArrayList<>();
        streams.metrics().forEach((name, metric) -> {
            if (metric.metricValue() instanceof Double v && !v.isNaN()) {
                numbers.add(Map.entry(name, v));
            }
        });
        return numbers;
    }

    /** The commits {@code streams}' threads made since start. */
    private static double commits(KafkaStreams streams) {
        return numbers(streams).stream()
                .filter(m -> m.getKey().group().equals("stream-thread-metrics") && m.getKey().name().equals("commit-total"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** What each run's producers wrote, a row per run and topic, printed after the runs. */
    private static final StringBuilder WRITES = new StringBuilder();

    /**
     * What {@code streams}' producers wrote to each topic since start (record and byte totals of
     * Kafka's producer-topic-metrics, the bytes as compressed batches), per commit, busiest first:
     * what each exactly-once commit has to see acknowledged before it can commit.
     */
    private static void writes(String name, String applicationId, KafkaStreams streams) {
        Map<String, double[]> byTopic = new java.util.TreeMap<>();
        double latency = 0;
        for (var m : numbers(streams)) {
            double v = m.getValue();
            String group = m.getKey().group();
            String metric = m.getKey().name();
            if (group.equals("producer-metrics") && metric.equals("request-latency-avg")) {
                latency = Math.max(latency, v);
            } else if (group.equals("producer-topic-metrics") && (metric.equals("record-send-total") || metric.equals("byte-total"))) {
                String topic = m.getKey().tags().getOrDefault("topic", "?").replace(applicationId + "-", "");
                byTopic.computeIfAbsent(topic, t -> new double[2])[metric.equals("record-send-total") ? 0 : 1] += v;
            }
        }
        double perCommit = Math.max(1, commits(streams));
        double latencyMs = latency;
        byTopic.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).forEach(e -> WRITES.append(
                String.format("| %s | %s | %,.0f | %,.1f | %,.1f | %.1f |%n", name, e.getKey(), e.getValue()[0],
                        e.getValue()[0] / perCommit, e.getValue()[1] / perCommit / 1024, latencyMs)));
    }

    /** Each run's process CPU by where it went, a row per run, printed after the runs. */
    private static final StringBuilder CPU_SHARES = new StringBuilder();

    /** CPU clock ticks (user and system) of every thread of the process by "tid name", from /proc (Linux; empty elsewhere). */
    private static Map<String, Long> taskCpuTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name
                    ticks.put(task.getFileName() + " " + comm, Long.parseLong(after[11]) + Long.parseLong(after[12]));
                } catch (java.io.IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /** CPU time of every live Java thread by id. */
    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return cpu;
    }

    /**
     * The process CPU of a run per event by where it went: the stream threads, the application's
     * other client threads (producer and consumer network, heartbeats), the broker's threads, and
     * what no Java thread shows (JIT compilers, GC, RocksDB's own threads).
     */
    private static String cpuShares(String name, Map<Long, Long> before, Map<String, Long> ticksBefore, double processNanos,
            long events) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double stream = 0;
        double clients = 0;
        double broker = 0;
        for (var info : threads.dumpAllThreads(false, false)) {
            double used = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) - before.getOrDefault(info.getThreadId(), 0L);
            String thread = info.getThreadName();
            if (isStreamThread(thread)) {
                stream += used;
            } else if (thread.startsWith("kafka-producer-network-thread") || thread.contains("heartbeat")
                    || thread.contains("bench-")) {
                clients += used;
            } else {
                broker += used;
            }
        }
        double rest = processNanos - stream - clients - broker;
        // the threads no Java thread shows, by the name Linux gives them (clock ticks of 10 ms)
        Map<String, Double> ticks = new HashMap<>();
        taskCpuTicks().forEach((task, now) -> {
            String comm = task.substring(task.indexOf(' ') + 1);
            String kind = comm.startsWith("rocksdb") ? "rocksdb" : comm.startsWith("C2 ") || comm.startsWith("C1 ") ? "jit"
                    : comm.startsWith("VM Thread") || comm.startsWith("GC ") ? "gc" : "other";
            ticks.merge(kind, (now - ticksBefore.getOrDefault(task, 0L)) * 1e7, Double::sum);
        });
        return String.format("| %s | %.1f | %.1f | %.1f | %.1f (JIT %.1f, GC %.1f, RocksDB %.1f) | %.1f |%n", name,
                stream / 1e3 / events, clients / 1e3 / events, broker / 1e3 / events, rest / 1e3 / events,
                ticks.getOrDefault("jit", 0.0) / 1e3 / events, ticks.getOrDefault("gc", 0.0) / 1e3 / events,
                ticks.getOrDefault("rocksdb", 0.0) / 1e3 / events, processNanos / 1e3 / events);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The process's resident memory (Linux), -1 elsewhere. */
    private static long residentMib() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
    }

    /** Bytes the stream threads allocated since they started: the memory an event touches on them, garbage first. */
    private static double streamThreadAllocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes = 0;
        for (var info : threads.dumpAllThreads(false, false)) {
            if (isStreamThread(info.getThreadName())) {
                bytes += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return bytes;
    }

    /**
     * A stream thread of an application, by its name: not its producer's network thread, whose name
     * ends with the stream thread's ("kafka-producer-network-thread | …-StreamThread-1-producer")
     * and which sends the records while the stream thread works (an "other client thread").
     */
    private static boolean isStreamThread(String name) {
        return name.contains("StreamThread") && !name.startsWith("kafka-producer-network-thread");
    }

    /** The stream threads' CPU seconds since {@code before} (CPU nanoseconds by thread id; empty: since they started). */
    private static double streamThreadCpuSince(Map<Long, Long> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (var info : threads.dumpAllThreads(false, false)) {
            if (isStreamThread(info.getThreadName())) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L));
            }
        }
        return nanos / 1e9;
    }

    /** The JVM's collection time since start, in seconds (every collector the bench's GC has is stop-the-world). */
    private static double gcSeconds() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum() / 1e3;
    }

    private LiveThroughputBench() {}
}
