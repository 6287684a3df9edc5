package dev.vigil.shippers;

import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.nio.file.Path;
import java.time.Duration;

/** A test shipper's config: files only, no kmsg or journald source. */
final class FileOnlyConfig {
    private FileOnlyConfig() {}

    /** Host web-1 with the files of config file {@code conf}, shipping to {@code topic} (dead letters to {@code dead-<topic>}) of {@code bootstrap}. */
    static ShipperConfig load(Path conf, Path state, String bootstrap, String topic) throws Exception {
        return ShipperConfigFile.load(conf, ShipperConfig.defaults("web-1", state, bootstrap)
                .withTopics(topic, "dead-" + topic)
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(JournaldSourceConfig.disabled()));
    }

    /**
     * Host {@code host} shipping {@code files} to {@code topic} (dead letters to {@code <topic>-dead}) of
     * {@code bootstrap}, with heartbeats an hour apart and checkpoints every 200 ms.
     */
    static ShipperConfig of(String host, FileTailConfig files, Path state, String bootstrap, String topic) {
        return ShipperConfig.defaults(host, state, bootstrap)
                .withTopics(topic, topic + "-dead")
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(JournaldSourceConfig.disabled())
                .withFiles(files)
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(200));
    }
}
