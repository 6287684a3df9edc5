package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.patterns.PatternReloader;
import dev.vigil.broker.VigilTopics;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.library.PatternFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running analyzer instance: the topology of {@link AnalyzerTopology} on Kafka Streams. */
public final class Analyzer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Analyzer.class);
    /** How long close waits for the stream threads to commit, write their stores' offsets and leave. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(8);
    /**
     * A member that stops heartbeating is out of the group after this: a restarted analyzer waits
     * for its killed predecessor that long before it gets the partitions (the client default is 45 s).
     */
    static final int SESSION_TIMEOUT_MS = 10_000;
    /**
     * A start that restores nothing for this long looks for hanging transactions on its own topics:
     * three times the transaction timeout Kafka Streams gives its producers under exactly-once
     * (10 s), after which the coordinator has aborted any transaction it still runs.
     */
    static final Duration HANGING_CHECK_AFTER = Duration.ofSeconds(30);
    /**
     * How often a running analyzer looks for hanging transactions too: one on a signature topic
     * stops that partition's signed events (and its error signatures) without an error.
     */
    static final Duration HANGING_CHECK_EVERY = Duration.ofMinutes(5);

    private final AnalyzerConfig config;
    private final AtomicLong deadLettered = new AtomicLong();
    private final AnalyzerCounts counts = new AnalyzerCounts(deadLettered);
    private final AtomicReference<PatternSet> patterns;
    private final PatternReloader reloader;
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final StateRestores restores = new StateRestores();
    private final List<Runnable> onFailure = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService hangingChecks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-hanging-transactions");
        t.setDaemon(true);
        return t;
    });

    public Analyzer(AnalyzerConfig config) {
        this.config = config;
        this.patterns = new AtomicReference<>(PatternFiles.load(config.patternPaths()));
        this.reloader = new PatternReloader(config, VigilTopics.PATTERNS, patterns, PatternFiles.readByName(config.patternPaths()));
        this.streams = new KafkaStreams(AnalyzerTopology.build(config, patterns::get, counts), streamsProperties(config));
        streams.setGlobalStateRestoreListener(restores);
        streams.setStateListener((now, before) -> {
            log.info("Analyzer state from={} to={}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure.set(e);
            log.error("Analyzer stream thread failed; shutting the analyzer down application={}", config.applicationId(), e);
            running.countDown(); // awaitRunning answers false now, not at its timeout
            onFailure.forEach(Runnable::run);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** The Kafka Streams settings, built from the config in this one place. */
    public static Properties streamsProperties(AnalyzerConfig config) {
        Properties p = new Properties();
        p.putAll(config.clientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                config.exactlyOnce() ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        // incidents should reach consumers within a fraction of a second; the tuning defaults from here
        // on give way to a setting given in the client properties
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // the pattern task reads the events and the signed events, and orders nothing by stream
        // time across them (the engine reads event time from each event): it need not wait for the
        // signed events' partition, which is empty most of the time, before it takes a record
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // a refused event of up to 8 MiB is copied (cut to 1 MiB) to the dead letters, whose
        // topic takes 8 MiB: the default 1 MiB request would fail the task instead
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), VigilTopics.MAX_EVENT_MESSAGE_BYTES);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        // opt in now to the behaviour Kafka 5.0 makes the default (and silence its start-up warning);
        // the partition assignor reads the settings again from the main consumer's, hence twice
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), SESSION_TIMEOUT_MS);
        // a single-node embedded broker has one replica; a cluster overrides this via clientProperties
        p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        return p;
    }

    /** Number of patterns running. */
    public int patternCount() {
        return patterns.get().size();
    }

    /** Starts processing in the background. */
    public void start() {
        log.info("Starting analyzer application={} bootstrap={} input={} output={} exactlyOnce={} patterns={}",
                config.applicationId(), config.bootstrapServers(), config.eventsTopic(), config.incidentsTopic(),
                config.exactlyOnce(), patterns.get().size());
        streams.start();
        reloader.start();
        hangingChecks.scheduleWithFixedDelay(this::checkWhileRunning, HANGING_CHECK_EVERY.toMillis(),
                HANGING_CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkWhileRunning() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return; // a start looks by itself when its restore stalls (awaitRunning)
        }
        try {
            abortHangingTransactions();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the analyzer has its partitions and runs; false on failure, or once {@code idle}
     * passed without it running or restoring another record. Rebuilding a large state after a
     * crash takes as long as the changelogs are long; that is progress, not a hang.
     */
    public boolean awaitRunning(Duration idle) throws InterruptedException {
        long restored = -1;
        long deadline = 0;
        long stalledSince = System.nanoTime();
        while (!running.await(Math.min(1000, idle.toMillis()), TimeUnit.MILLISECONDS)) {
            if (failure.get() != null) {
                return false;
            }
            long now = System.nanoTime();
            if (restores.records() != restored) {
                restored = restores.records();
                deadline = now + idle.toNanos();
                stalledSince = now;
            } else if (now - stalledSince > HANGING_CHECK_AFTER.toNanos()) {
                stalledSince = now;
                if (!abortHangingTransactions().isEmpty()) {
                    deadline = now + idle.toNanos();
                }
            } else if (now - deadline > 0) {
                return false;
            }
        }
        return failure.get() == null;
    }

    /**
     * Aborts the hanging transactions of this application's internal topics (a restore that waits
     * on one never ends, {@link HangingTransactions}) and returns them. Failing to look is logged
     * and changes nothing: the wait goes on as before.
     */
    List<HangingTransactions.Open> abortHangingTransactions() throws InterruptedException {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            return HangingTransactions.abortOnOwnTopics(admin, config.applicationId(), HANGING_CHECK_AFTER, Instant.now());
        } catch (ExecutionException | RuntimeException e) { // a scheduled task that throws is never run again
            log.warn("Could not look for hanging transactions application={} reason=\"{}\"", config.applicationId(), e.toString());
            return List.of();
        }
    }

    /** Runs {@code action} (once) when a stream thread fails and the analyzer shuts down: the command must not look alive. */
    public void onFailure(Runnable action) {
        onFailure.add(action);
    }

    /**
     * Why the analyzer stopped by itself, e.g. {@code No space left on device} from a store: the
     * innermost cause's message, or empty while it runs.
     */
    public Optional<String> failure() {
        return rootCause().map(root -> root.getMessage() != null ? root.getMessage() : root.toString());
    }

    /** Why a stream thread failed, by its root cause ({@code RecordTooLargeException: …}); empty while it runs well. */
    public Optional<String> failureReason() {
        return rootCause().map(root -> root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private Optional<Throwable> rootCause() {
        Throwable root = failure.get();
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Optional.ofNullable(root);
    }

    /** Number of input records sent to the dead-letter topic since start. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Dead letters by reason and the incidents written, for metrics. */
    public AnalyzerCounts counts() {
        return counts;
    }

    /** Changelog records replayed into local state since start: 0 after a clean stop with the same state dir. */
    public long restoredRecords() {
        return restores.records();
    }

    /** How long restoring local state from changelogs took since start (zero when none was needed). */
    public Duration restoreTime() {
        return restores.duration();
    }

    /** The current Kafka Streams state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The Kafka Streams instance, for its metrics. */
    public KafkaStreams kafkaStreams() {
        return streams;
    }

    @Override
    public void close() {
        hangingChecks.shutdownNow();
        try {
            reloader.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // leave the group: Kafka Streams otherwise stays a member until its session times out, and
        // the next start (the same state dir, a moment later) waits for that before it gets its tasks
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (!closed) {
            log.warn("Analyzer did not close within {} s; its local state is rebuilt from the changelogs at the next start "
                    + "application={} stateDir={}", CLOSE_TIMEOUT.toSeconds(), config.applicationId(), config.stateDir());
        }
    }

    /** The patterns running now (a reload replaces them). */
    public PatternSet patterns() {
        return patterns.get();
    }
}
