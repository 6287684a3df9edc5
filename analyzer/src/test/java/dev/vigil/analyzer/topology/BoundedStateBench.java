package dev.vigil.analyzer.topology;

import dev.vigil.analyzer.engine.ChurningFleet;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.library.PatternFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Memory of the live analyzer over a long run with ever new keys: the topology as {@code vigil
 * analyze} builds it (RocksDB stores, changelogged, the recent ids' fingerprints) on the test
 * driver, fed a {@link ChurningFleet} for days of event time with the analyzer's clock following
 * it. Every twelve hours of event time it prints the heap after a full GC, the process's RSS and
 * the entries of every store. Run by {@code bench/analyzer/run memory}.
 *
 * <p>Arguments: days of event time (default 9), lasting hosts (10), new hosts an hour (10), new
 * keys per host and hour (8).
 */
public final class BoundedStateBench {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration HEARTBEAT = Duration.ofSeconds(90);
    private static final Duration SAMPLE_EVERY = Duration.ofHours(12);
    private static final Duration CLOCK_STEP = Duration.ofSeconds(1);
    private static final List<String> KEY_VALUE_STORES = List.of(StoreNames.EPISODES, StoreNames.WINDOWS,
            StoreNames.CAUSES, StoreNames.STREAMS, StoreNames.SEQUENCES, StoreNames.HOSTS, StoreNames.KILLS);

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> input;
    private Instant clock = T0;

    private BoundedStateBench(Path stateDir) {
        // at-least-once: the driver would otherwise run a producer transaction per record, and
        // the guarantee changes nothing that is measured here
        AnalyzerConfig config = AnalyzerConfig.defaults("bench:9092", stateDir).withExactlyOnce(false);
        PatternSet library = PatternFiles.load(List.of());
        driver = new TopologyTestDriver(AnalyzerTopology.build(config, () -> library, new AtomicLong()),
                Analyzer.streamsProperties(config), T0);
        input = driver.createInputTopic(config.eventsTopic(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    public static void main(String[] args) throws IOException {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        ChurningFleet fleet = new ChurningFleet(T0, args.length > 1 ? Integer.parseInt(args[1]) : 10,
                args.length > 2 ? Integer.parseInt(args[2]) : 10, HEARTBEAT, args.length > 3 ? Integer.parseInt(args[3]) : 8);
        Path state = Files.createTempDirectory("vigil-bench-state-");
        try {
            new BoundedStateBench(state).run(fleet, days);
        } finally {
            Replay.deleteScratch(state);
        }
    }

    private void run(ChurningFleet fleet, int days) {
        System.out.printf(Locale.ROOT, "fleet: %d lasting hosts, %d new hosts an hour, %d new keys per host and hour, "
                        + "heartbeat %ds; %d days of event time; %,d new keys an hour%n", fleet.lastingHosts(),
                fleet.passingHostsPerHour(), fleet.keysPerHour(), HEARTBEAT.toSeconds(), days, fleet.newKeysPerHour());
        System.out.println("| event time | events | distinct keys | heap after GC MiB | heap committed MiB | RSS MiB "
                + "| episodes | windows | causes | streams | sequences | hosts | kills | recent ids | events/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        long events = 0;
        long keys = 0;
        long started = System.nanoTime();
        long hoursPerSample = SAMPLE_EVERY.toHours();
        for (int hour = 0; hour < days * 24; hour++) {
            for (Event e : fleet.hour(hour)) {
                feed(e);
                events++;
            }
            keys += fleet.newKeysPerHour();
            drainOutputs();
            if ((hour + 1) % hoursPerSample == 0) {
                double seconds = (System.nanoTime() - started) / 1e9;
                printSample(hour + 1, events, keys, events / seconds);
            }
        }
        driver.close();
    }

    private void feed(Event e) {
        if (e.ts().isAfter(clock.plus(CLOCK_STEP))) {
            driver.advanceWallClockTime(Duration.between(clock, e.ts()));
            clock = e.ts();
        }
        input.pipeInput(e.host(), EventJson.toBytes(e), e.ts().toEpochMilli());
    }

    /**
     * The driver keeps every record the topology sends, changelogs included, until it is read:
     * a broker would have them, so they are read and dropped here, to measure the analyzer only.
     */
    private void drainOutputs() {
        for (String topic : driver.producedTopicNames()) {
            driver.createOutputTopic(topic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer())
                    .readRecordsToList();
        }
    }

    private void printSample(int hours, long events, long keys, double rate) {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %dd %02dh | %,d | %,d | %.1f | %.1f | %.1f |",
                hours / 24, hours % 24, events, keys, heap.getUsed() / 1048576.0, heap.getCommitted() / 1048576.0,
                rssKib() / 1024.0));
        for (String store : KEY_VALUE_STORES) {
            row.append(String.format(Locale.ROOT, " %,d |", count(driver.getKeyValueStore(store))));
        }
        long recent = 0; // fingerprints, eight bytes each after the entry's format byte
        try (KeyValueIterator<String, byte[]> it = driver.<String, byte[]>getKeyValueStore(StoreNames.SEEN).all()) {
            while (it.hasNext()) {
                recent += (it.next().value.length - 1) / Long.BYTES;
            }
        }
        row.append(String.format(Locale.ROOT, " %,d | %,.0f |", recent, rate));
        System.out.println(row);
    }

    private static long count(KeyValueStore<String, byte[]> store) {
        long n = 0;
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            for (; it.hasNext(); it.next()) {
                n++;
            }
        }
        return n;
    }

    private static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1; // not on Linux: the column shows -0.0
        }
        return -1;
    }
}
