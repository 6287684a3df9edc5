package dev.vigil.shippers;

import dev.vigil.shippers.checkpoint.CheckpointStore;
import dev.vigil.shippers.file.FileTailer;
import dev.vigil.shippers.filter.DropReporter;
import dev.vigil.shippers.filter.EventFilter;
import dev.vigil.shippers.heartbeat.HeartbeatEmitter;
import dev.vigil.shippers.journald.JournaldSource;
import dev.vigil.shippers.kmsg.BootClock;
import dev.vigil.shippers.kmsg.KmsgDeviceReader;
import dev.vigil.shippers.kmsg.KmsgSource;
import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.InFlightLimit;
import dev.vigil.shippers.produce.ProducerSettings;
import dev.vigil.shippers.produce.SourceCounters;
import dev.vigil.shippers.produce.SourceMetrics;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipper of one host: runs the configured sources (journald, kernel, files), each on its own
 * thread, into one Kafka producer; writes checkpoints periodically and sends heartbeats. A source
 * that cannot run here is reported once at WARN and left out; the others go on.
 */
public final class Shipper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Shipper.class);
    private static final String LOCK_FILE = "shipper.lock";

    private final ShipperConfig config;
    private final Clock clock;
    private final Producer<String, byte[]> producer;
    private final Map<String, SourceMetrics> metrics = new LinkedHashMap<>();
    private final List<Closeable> sources = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final SourceMetrics heartbeatMetrics = new SourceMetrics("shipper");
    private ScheduledExecutorService scheduler;
    private CheckpointStore checkpoints;
    private FileChannel lockChannel;
    private FileLock lock;
    private boolean started;
    private boolean closed;

    /** A shipper with its own Kafka producer, built from the config. */
    public Shipper(ShipperConfig config, Clock clock) {
        this(config, clock, new KafkaProducer<>(kafkaProperties(config)));
    }

    /** A shipper sending through {@code producer}, which it closes on {@link #close()}. */
    public Shipper(ShipperConfig config, Clock clock, Producer<String, byte[]> producer) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.producer = Objects.requireNonNull(producer, "producer");
    }

    static Properties kafkaProperties(ShipperConfig config) {
        Properties overrides = new Properties();
        overrides.putAll(config.kafkaOverrides());
        return ProducerSettings.kafkaProperties(config.bootstrapServers(), overrides);
    }

    /** Locks the state folder, loads checkpoints and starts every available source. */
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("shipper already started");
        }
        started = true;
        log.info("Shipper starting {}", config.describe());
        lockStateDir();
        checkpoints = CheckpointStore.open(config.stateDir());
        EventFilter filter = new EventFilter(config.filter());
        EventShipper shipper = new EventShipper(producer, checkpoints,
                new InFlightLimit(config.maxInFlightRecords(), config.maxInFlightBytes()),
                config.eventsTopic(), config.deadLetterTopic(),
                ProducerSettings.maxRecordBytes(kafkaProperties(config)), filter);
        startKernel(shipper);
        startJournal(shipper);
        startFiles(shipper);
        scheduler = Executors.newScheduledThreadPool(1, r -> daemon(r, "vigil-shipper-timer"));
        long checkpointMs = config.checkpointInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::flushCheckpoints, checkpointMs, checkpointMs, TimeUnit.MILLISECONDS);
        HeartbeatEmitter heartbeat = new HeartbeatEmitter(config.host(), config.heartbeatInterval(), shipper,
                List.copyOf(metrics.values()), heartbeatMetrics, clock);
        long heartbeatMs = config.heartbeatInterval().toMillis();
        scheduler.scheduleAtFixedRate(() -> sendHeartbeat(heartbeat), 0, heartbeatMs, TimeUnit.MILLISECONDS);
        if (config.filter().rateLimit() != null) {
            DropReporter drops = new DropReporter(config.host(), filter, shipper, heartbeatMetrics, clock);
            scheduler.scheduleWithFixedDelay(() -> reportDrops(drops), heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
        }
        log.info("Shipper started host={} sources={}", config.host(), metrics.keySet());
    }

    private void lockStateDir() throws IOException {
        Files.createDirectories(config.stateDir());
        lockChannel = FileChannel.open(config.stateDir().resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another shipper in this JVM
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("another shipper is using state folder " + config.stateDir()
                    + "; stop it or give this one its own --state-dir");
        }
    }

    private void startKernel(EventShipper shipper) {
        if (!config.kmsg().enabled()) {
            return;
        }
        try {
            BootClock boot = BootClock.read(config.kmsg().proc(), clock);
            KmsgDeviceReader reader = new KmsgDeviceReader(config.kmsg().device());
            run("kmsg", new KmsgSource(config.host(), boot, reader, shipper, metricsOf("kmsg"), clock,
                    config.kmsg().firstStartLookBack()));
        } catch (IOException | RuntimeException e) {
            log.warn("Kernel source unavailable, shipping without it host={} source=kmsg file={} reason=\"{}\"",
                    config.host(), config.kmsg().device(), e.toString());
        }
    }

    private void startJournal(EventShipper shipper) {
        if (!config.journald().enabled()) {
            return;
        }
        String problem = journalctlProblem();
        if (problem != null) {
            log.warn("Journal source unavailable, shipping without it host={} source=journald reason=\"{}\"",
                    config.host(), problem);
            return;
        }
        run("journald", new JournaldSource(config.host(), config.journald(), shipper, metricsOf("journald"), clock));
    }

    /** Why journalctl cannot be run, or null when {@code journalctl --version} works. */
    private String journalctlProblem() {
        try {
            Process p = new ProcessBuilder(config.journald().journalctl().toString(), "--version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "journalctl --version did not finish in 10 s";
            }
            return p.exitValue() == 0 ? null : "journalctl --version exited with " + p.exitValue();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void startFiles(EventShipper shipper) {
        if (config.files().inputs().isEmpty()) {
            return;
        }
        run("file", new FileTailer(config.host(), config.files(), shipper, metricsOf("file"), clock));
    }

    private SourceMetrics metricsOf(String source) {
        return metrics.computeIfAbsent(source, SourceMetrics::new);
    }

    private <S extends Runnable & Closeable> void run(String name, S source) {
        sources.add(source);
        Thread t = new Thread(source, "vigil-" + name);
        threads.add(t);
        t.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void flushCheckpoints() {
        try {
            checkpoints.flush();
        } catch (UncheckedIOException e) {
            log.error("Cannot write checkpoints; positions will be resent after a restart file={} reason=\"{}\"",
                    config.stateDir(), e.getMessage());
        }
    }

    private void sendHeartbeat(HeartbeatEmitter heartbeat) {
        try {
            heartbeat.emit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportDrops(DropReporter drops) {
        try {
            drops.report();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The names of the sources that are running. */
    public synchronized List<String> activeSources() {
        return List.copyOf(metrics.keySet());
    }

    /** Bytes a source has not handed to Kafka yet (files: on disk past the last shipped line), when it can tell. */
    public synchronized OptionalLong lagBytes(String source) {
        SourceMetrics m = metrics.get(source);
        return m == null ? OptionalLong.empty() : m.lagBytes();
    }

    /** Each running source's counters, plus {@code shipper} for heartbeats. */
    public synchronized Map<String, SourceCounters> counters() {
        Map<String, SourceCounters> out = new LinkedHashMap<>();
        metrics.forEach((name, m) -> out.put(name, m.counters()));
        out.put(heartbeatMetrics.source(), heartbeatMetrics.counters());
        return out;
    }

    /**
     * Stops the sources, waits up to the shutdown timeout for Kafka to acknowledge what was sent,
     * writes the checkpoints and releases the state folder.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopSources();
        producer.close(config.shutdownTimeout());
        if (checkpoints != null) {
            flushCheckpoints();
        }
        releaseLock();
        log.info("Shipper stopped host={} counters={}", config.host(), counters());
    }

    /**
     * Stops as abruptly as a crash would: checkpoints are not written beyond what the last periodic
     * flush put on disk, and records in flight are abandoned. For durability tests.
     */
    synchronized void halt() {
        if (closed) {
            return;
        }
        closed = true;
        stopSources();
        producer.close(Duration.ZERO);
        releaseLock();
    }

    private void stopSources() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (Closeable s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("Closing source failed reason=\"{}\"", e.getMessage());
            }
        }
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (scheduler != null) {
            try {
                scheduler.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.debug("Releasing state folder lock failed reason=\"{}\"", e.getMessage());
        }
    }
}
