package dev.vigil.analyzer.faults;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * The live analyzer under faults: a fleet's events (journald noise, crash loops, OOM kills) go to
 * a real broker while the analyzer process is killed with SIGKILL several times and the broker is
 * stopped for a while; then every event must be in {@code vigil.events} once by id, every crash
 * loop and kill must be one incident, and no incident record may be sent twice. The fault suite's
 * IT runs it small; {@code bench/faults/run} runs it with a million events.
 */
public final class AnalyzerFaultRun {
    /** Seed 000's idle line: the noise between the episodes. */
    static final String NOISE = "2026-01-10 07:23:49,318 INFO rivet.worker: queue empty, sleeping 30s";
    /** Seed 000's restart line and systemd's message id for it; the unit varies per crash loop. */
    static final String RESTART = "%s: Scheduled restart job, restart counter is at %d.";
    static final String RESTART_MESSAGE_ID = "5eb03494b6584870a536b337290809b3";
    /** Seed 001's kill line; the pid and process vary per kill. */
    static final String OOM = "Out of memory: Killed process %d (%s) total-vm:6877364kB, anon-rss:5282696kB, "
            + "file-rss:2372kB, shmem-rss:0kB, UID:1000 pgtables:10840kB oom_score_adj:0";
    static final int HOSTS = 16;
    static final int RESTARTS_PER_LOOP = 6;
    static final Duration RESTART_SEC = Duration.ofSeconds(11);
    /** Event time the run covers, ending now: long enough for a crash loop, short of the analyzer's future bound. */
    static final Duration SPAN = Duration.ofMinutes(40);
    static final String APPLICATION_ID = "vigil-faults";

    /**
     * @param events events to send
     * @param episodes crash loops, and as many OOM kills, spread over the run
     * @param analyzerKills SIGKILLs of the analyzer, spread over the run (each followed by a restart)
     * @param brokerOutage how long the broker is stopped halfway through; zero for none
     */
    public record Settings(int events, int episodes, int analyzerKills, Duration brokerOutage) {}

    /** What a run measured; {@link #ok} when nothing was lost, missing, doubled or sent twice. */
    public record Figures(long sent, long distinctIds, long records, int expectedIncidents, int incidentsOnce,
            List<String> missing, List<String> doubled, long duplicateRecords, List<Long> restartReadyMillis,
            long outageMillis, long sendMillis, long catchUpMillis, long unprocessed) {
        public boolean ok() {
            return distinctIds == sent && incidentsOnce == expectedIncidents && duplicateRecords == 0 && unprocessed == 0;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "events sent=%d distinct ids in vigil.events=%d (records %d); "
                    + "incidents expected=%d present once=%d missing=%s more than one id=%s; duplicate incident records=%d; "
                    + "analyzer kill -9 x%d, ready again after %s ms; broker stopped %d ms; send %d ms, analyzer caught up %d ms later"
                    + " (events left unprocessed %d)",
                    sent, distinctIds, records, expectedIncidents, incidentsOnce, missing, doubled, duplicateRecords,
                    restartReadyMillis.size(), restartReadyMillis, outageMillis, sendMillis, catchUpMillis, unprocessed);
        }
    }

    private final Settings settings;
    private final Path dir;

    public AnalyzerFaultRun(Settings settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
    }

    public Figures run() throws Exception {
        int port = freePort();
        EmbeddedKafkaConfig brokerConfig = new EmbeddedKafkaConfig(dir.resolve("kafka"), port, false);
        EmbeddedKafka broker = EmbeddedKafka.start(brokerConfig);
        String bootstrap = broker.bootstrapServers();
        AnalyzerProcess analyzer = null;
        try {
            try (Admin admin = admin(bootstrap)) {
                VigilTopics.ensure(admin, 3, (short) 1);
            }
            analyzer = AnalyzerProcess.start(dir, bootstrap, dir.resolve("streams"), APPLICATION_ID);
            analyzer.awaitRunning(Duration.ofMinutes(10));
            Plan plan = new Plan(settings);
            List<Long> ready = new ArrayList<>();
            long outage = 0;
            long sendStart = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
                int nextKill = 1;
                boolean outageDone = settings.brokerOutage().isZero();
                for (int i = 0; i < settings.events(); i++) {
                    Event e = plan.event(i);
                    producer.send(new ProducerRecord<>(VigilTopics.EVENTS, e.host(), EventJson.toBytes(e)));
                    if (nextKill <= settings.analyzerKills()
                            && i == (long) settings.events() * nextKill / (settings.analyzerKills() + 1)) {
                        analyzer.killNine();
                        long start = System.nanoTime();
                        analyzer = AnalyzerProcess.start(dir, bootstrap, dir.resolve("streams"), APPLICATION_ID);
                        analyzer.awaitRunning(Duration.ofMinutes(10));
                        ready.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                        nextKill++;
                    }
                    if (!outageDone && i == settings.events() / 2 + settings.events() / 7) {
                        long start = System.nanoTime();
                        broker.close();
                        // the outage is the fault under test: the broker stays away this long whatever happens
                        Thread.sleep(settings.brokerOutage().toMillis());
                        broker = EmbeddedKafka.start(brokerConfig);
                        outage = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        outageDone = true;
                    }
                }
                producer.flush();
            }
            long sendMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sendStart);
            long caughtUpStart = System.nanoTime();
            long unprocessed = awaitCaughtUp(bootstrap);
            long catchUp = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - caughtUpStart);
            analyzer.stop();
            analyzer = null;
            return figures(bootstrap, plan, ready, outage, sendMillis, catchUp, unprocessed);
        } finally {
            if (analyzer != null) {
                analyzer.killNine();
            }
            broker.close();
        }
    }

    /** Which event goes at which place: noise, with the crash loops' restarts and the kills among it. */
    static final class Plan {
        private final Settings settings;
        private final Instant base;
        private final long stepMicros;
        private final Map<Integer, Event> episodeEvents = new HashMap<>();
        private final Set<String> loops = new HashSet<>();
        private final Set<String> kills = new HashSet<>();

        Plan(Settings settings) {
            this.settings = settings;
            this.base = Instant.now().minus(SPAN);
            this.stepMicros = SPAN.toNanos() / 1000 / settings.events();
            int restartStep = (int) (RESTART_SEC.toNanos() / 1000 / stepMicros);
            int every = settings.events() / (settings.episodes() + 1);
            for (int k = 0; k < settings.episodes(); k++) {
                int at = every / 2 + k * every;
                String host = "fleet-" + k % HOSTS;
                String unit = "svc-" + k + ".service";
                loops.add(host + " " + unit);
                for (int j = 1; j <= RESTARTS_PER_LOOP; j++) {
                    int index = free(at + (j - 1) * restartStep);
                    episodeEvents.put(index, Event.builder(host, Source.JOURNALD, time(index), String.format(RESTART, unit, j))
                            .id(EventIds.of(host, Source.JOURNALD, "faults", "restart-" + k + "-" + j)).unit(unit)
                            .messageId(RESTART_MESSAGE_ID).priority(5).build());
                }
                int killAt = free(at + every / 3);
                String victim = "worker-" + k;
                kills.add(host + " " + victim);
                episodeEvents.put(killAt, Event.builder(host, Source.KERNEL, time(killAt), String.format(OOM, 700_000 + k, victim))
                        .id(EventIds.of(host, Source.KERNEL, "faults", "kill-" + k)).bootId("faults-boot").priority(3).build());
            }
        }

        private int free(int index) {
            int i = Math.min(index, settings.events() - 1);
            while (episodeEvents.containsKey(i)) {
                i = i + 1 < settings.events() ? i + 1 : 0;
            }
            return i;
        }

        private Instant time(int index) {
            return base.plusNanos(index * stepMicros * 1000);
        }

        Event event(int i) {
            Event e = episodeEvents.get(i);
            if (e != null) {
                return e;
            }
            String host = "fleet-" + i % HOSTS;
            return Event.builder(host, Source.JOURNALD, time(i), NOISE).unit("rivet-worker.service").priority(6)
                    .id(EventIds.of(host, Source.JOURNALD, "faults", "noise-" + i)).build();
        }
    }

    /** Waits (at most 30 min) for the analyzer to process every event; returns how many it had not. */
    private long awaitCaughtUp(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            try {
                Awaitility.await("the analyzer to process every event").atMost(Duration.ofMinutes(30))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> lag(admin) == 0);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                return lag(admin);
            }
        }
        // incidents are sent at most once per second per episode: give the last updates their second
        Awaitility.await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        return 0;
    }

    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            latest.put(new TopicPartition(VigilTopics.EVENTS, p), OffsetSpec.latest());
        }
        long lag = 0;
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            lag += end.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    private Figures figures(String bootstrap, Plan plan, List<Long> ready, long outage, long sendMillis, long catchUp,
            long unprocessed) {
        Set<String> ids = new HashSet<>();
        long records = readAll(bootstrap, VigilTopics.EVENTS, r -> ids.add(EventJson.parse(r.value()).id()));
        List<Incident> incidents = new ArrayList<>();
        readAll(bootstrap, VigilTopics.INCIDENTS, r -> incidents.add(IncidentJson.parse(r.value())));

        Map<String, Set<String>> idsBySubject = new TreeMap<>();
        for (Incident i : incidents) {
            String key = i.host() + " " + i.subject();
            if ((i.type().equals("restart_burst") && plan.loops.contains(key)) || (i.type().equals("oom_kill") && plan.kills.contains(key))) {
                idsBySubject.computeIfAbsent(key, k -> new HashSet<>()).add(i.id());
            }
        }
        Set<String> expected = new HashSet<>(plan.loops);
        expected.addAll(plan.kills);
        List<String> missing = expected.stream().filter(k -> !idsBySubject.containsKey(k)).sorted().toList();
        List<String> doubled = idsBySubject.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        int once = (int) idsBySubject.values().stream().filter(s -> s.size() == 1).count();
        // a record sent twice: the same incident with every field the same (an update that adds a cause or a link is news)
        long duplicates = incidents.size() - new HashSet<>(incidents).size();
        Set<Incident> seen = new HashSet<>();
        incidents.stream().filter(i -> !seen.add(i)).limit(5).forEach(i -> System.out.println(
                "faults: sent twice: " + i.type() + " " + i.status() + " count=" + i.count() + " subject=" + i.subject()
                        + " last_seen=" + i.lastSeen()));
        return new Figures(settings.events(), ids.size(), records, expected.size(), once, missing, doubled, duplicates, ready,
                outage, sendMillis, catchUp, unprocessed);
    }

    private static long readAll(String bootstrap, String topic, java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, VigilTopics.MAX_EVENT_MESSAGE_BYTES);
        long n = 0;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toList());
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                ConsumerRecords<String, byte[]> batch = c.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<String, byte[]> r : batch) {
                    each.accept(r);
                    n++;
                }
            }
        }
        return n;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // the broker is away for a while on purpose: keep records and wait, as the shipper does
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Duration.ofMinutes(10).toMillis());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** {@code bench/faults/run}: one run with the settings given as arguments; prints the figures, exits 1 unless ok. */
    public static void main(String[] args) throws Exception {
        Settings s = new Settings(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Duration.ofSeconds(Long.parseLong(args[4])));
        Figures f = new AnalyzerFaultRun(s, Path.of(args[0])).run();
        System.out.println("faults: " + f);
        System.exit(f.ok() ? 0 : 1);
    }
}
