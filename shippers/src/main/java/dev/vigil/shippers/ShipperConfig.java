package dev.vigil.shippers;

import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.filter.FilterConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import dev.vigil.shippers.produce.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a {@link Shipper} needs; the CLI builds it from flags and the config file.
 *
 * @param host host name put on every event and used as the Kafka key
 * @param stateDir folder of the checkpoints (systemd {@code StateDirectory=}); created if missing
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param kafkaOverrides producer properties that win over the shipper's own (security settings)
 * @param eventsTopic topic of events; default {@code vigil.events}
 * @param deadLetterTopic topic of unparsable input; default {@code vigil.deadletter}
 * @param journald journald source; default the system journal
 * @param kmsg kernel source; default {@code /dev/kmsg}
 * @param files file tailer; default no files
 * @param heartbeatInterval time between heartbeats; default 10 s
 * @param checkpointInterval time between checkpoint writes; default 1 s
 * @param maxInFlightRecords records sent and not yet acknowledged before reading pauses; default 8,000
 *     (40 ms of 200,000 lines/s: more did not ship faster, and records in flight are what the
 *     shipper's small young generation must hold until they are acknowledged)
 * @param maxInFlightBytes bytes sent and not yet acknowledged before reading pauses; default 4 MiB
 *     (8,000 ordinary events take about 2 MiB; the bound is there for very long lines)
 * @param shutdownTimeout how long {@link Shipper#close()} waits for acknowledgements; default 10 s
 * @param filter drop rules and rate limit applied to every source's events before they are sent;
 *     default none
 */
public record ShipperConfig(String host, Path stateDir, String bootstrapServers, Map<String, String> kafkaOverrides,
        String eventsTopic, String deadLetterTopic, JournaldSourceConfig journald, KmsgSourceConfig kmsg,
        FileTailConfig files, Duration heartbeatInterval, Duration checkpointInterval, int maxInFlightRecords,
        long maxInFlightBytes, Duration shutdownTimeout, FilterConfig filter) {

    /** A config that drops nothing. */
    public ShipperConfig(String host, Path stateDir, String bootstrapServers, Map<String, String> kafkaOverrides,
            String eventsTopic, String deadLetterTopic, JournaldSourceConfig journald, KmsgSourceConfig kmsg,
            FileTailConfig files, Duration heartbeatInterval, Duration checkpointInterval, int maxInFlightRecords,
            long maxInFlightBytes, Duration shutdownTimeout) {
        this(host, stateDir, bootstrapServers, kafkaOverrides, eventsTopic, deadLetterTopic, journald, kmsg, files,
                heartbeatInterval, checkpointInterval, maxInFlightRecords, maxInFlightBytes, shutdownTimeout,
                FilterConfig.none());
    }

    public ShipperConfig {
        kafkaOverrides = Map.copyOf(kafkaOverrides);
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank()) problems.add("host: must not be empty");
        if (stateDir == null) problems.add("stateDir: must be set");
        if (bootstrapServers == null || bootstrapServers.isBlank()) problems.add("bootstrapServers: must not be empty");
        if (eventsTopic == null || eventsTopic.isBlank()) problems.add("eventsTopic: must not be empty");
        if (deadLetterTopic == null || deadLetterTopic.isBlank()) problems.add("deadLetterTopic: must not be empty");
        if (journald == null) problems.add("journald: must be set (JournaldSourceConfig.disabled() to turn it off)");
        if (kmsg == null) problems.add("kmsg: must be set (KmsgSourceConfig.disabled() to turn it off)");
        if (files == null) problems.add("files: must be set");
        if (filter == null) problems.add("filter: must be set (FilterConfig.none() for none)");
        requirePositive(problems, heartbeatInterval, "heartbeatInterval");
        requirePositive(problems, checkpointInterval, "checkpointInterval");
        requirePositive(problems, shutdownTimeout, "shutdownTimeout");
        if (maxInFlightRecords < 1) problems.add("maxInFlightRecords: must be at least 1, got " + maxInFlightRecords);
        if (maxInFlightBytes < 1) problems.add("maxInFlightBytes: must be at least 1, got " + maxInFlightBytes);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid shipper config: " + String.join("; ", problems));
        }
    }

    private static void requirePositive(List<String> problems, Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            problems.add(name + ": must be a positive duration, got " + d);
        }
    }

    /** Defaults: system journal and /dev/kmsg on, no files, heartbeat every 10 s. */
    public static ShipperConfig defaults(String host, Path stateDir, String bootstrapServers) {
        return new ShipperConfig(host, stateDir, bootstrapServers, Map.of(), Topics.EVENTS, Topics.DEADLETTER,
                JournaldSourceConfig.defaults(), KmsgSourceConfig.defaults(), FileTailConfig.defaults(List.of()),
                Duration.ofSeconds(10), Duration.ofSeconds(1), 8_000, 4L * 1024 * 1024, Duration.ofSeconds(10));
    }

    public ShipperConfig withJournald(JournaldSourceConfig v) {
        return new ShipperConfig(host, stateDir, bootstrapServers, kafkaOverrides, eventsTopic, deadLetterTopic, v,
                kmsg, files, heartbeatInterval, checkpointInterval, maxInFlightRecords, maxInFlightBytes, shutdownTimeout, filter);
    }

    public ShipperConfig withKmsg(KmsgSourceConfig v) {
        return new ShipperConfig(host, stateDir, bootstrapServers, kafkaOverrides, eventsTopic, deadLetterTopic,
                journald, v, files, heartbeatInterval, checkpointInterval, maxInFlightRecords, maxInFlightBytes,
                shutdownTimeout, filter);
    }

    public ShipperConfig withFiles(FileTailConfig v) {
        return new ShipperConfig(host, stateDir, bootstrapServers, kafkaOverrides, eventsTopic, deadLetterTopic,
                journald, kmsg, v, heartbeatInterval, checkpointInterval, maxInFlightRecords, maxInFlightBytes,
                shutdownTimeout, filter);
    }

    public ShipperConfig withTopics(String events, String deadLetter) {
        return new ShipperConfig(host, stateDir, bootstrapServers, kafkaOverrides, events, deadLetter, journald, kmsg,
                files, heartbeatInterval, checkpointInterval, maxInFlightRecords, maxInFlightBytes, shutdownTimeout, filter);
    }

    public ShipperConfig withIntervals(Duration heartbeat, Duration checkpoint) {
        return new ShipperConfig(host, stateDir, bootstrapServers, kafkaOverrides, eventsTopic, deadLetterTopic,
                journald, kmsg, files, heartbeat, checkpoint, maxInFlightRecords, maxInFlightBytes, shutdownTimeout, filter);
    }

    public ShipperConfig withKafkaOverrides(Map<String, String> v) {
        return new ShipperConfig(host, stateDir, bootstrapServers, v, eventsTopic, deadLetterTopic, journald, kmsg,
                files, heartbeatInterval, checkpointInterval, maxInFlightRecords, maxInFlightBytes, shutdownTimeout, filter);
    }

    public ShipperConfig withInFlightLimit(int records, long bytes) {
        return new ShipperConfig(host, stateDir, bootstrapServers, kafkaOverrides, eventsTopic, deadLetterTopic,
                journald, kmsg, files, heartbeatInterval, checkpointInterval, records, bytes, shutdownTimeout, filter);
    }

    public ShipperConfig withFilter(FilterConfig v) {
        return new ShipperConfig(host, stateDir, bootstrapServers, kafkaOverrides, eventsTopic, deadLetterTopic,
                journald, kmsg, files, heartbeatInterval, checkpointInterval, maxInFlightRecords, maxInFlightBytes,
                shutdownTimeout, v);
    }

    /** The config as one log line, with Kafka override values masked (they may hold secrets). */
    public String describe() {
        Map<String, String> masked = new TreeMap<>();
        kafkaOverrides.keySet().forEach(k -> masked.put(k, "****"));
        return "host=" + host + " stateDir=" + stateDir + " bootstrapServers=" + bootstrapServers
                + " kafkaOverrides=" + masked + " eventsTopic=" + eventsTopic + " deadLetterTopic=" + deadLetterTopic
                + " journald=" + journald + " kmsg=" + kmsg + " files=" + files
                + " heartbeatInterval=" + heartbeatInterval + " checkpointInterval=" + checkpointInterval
                + " maxInFlightRecords=" + maxInFlightRecords + " maxInFlightBytes=" + maxInFlightBytes + " filter=" + filter;
    }
}
