package dev.vigil.shippers;

import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.nio.file.Path;

/** A test shipper's config: host web-1, the files of a config file, no kmsg or journald source. */
final class FileOnlyConfig {
    private FileOnlyConfig() {}

    /** The config of {@code conf} shipping to {@code topic} (dead letters to {@code dead-<topic>}) of {@code bootstrap}. */
    static ShipperConfig load(Path conf, Path state, String bootstrap, String topic) throws Exception {
        return ShipperConfigFile.load(conf, ShipperConfig.defaults("web-1", state, bootstrap)
                .withTopics(topic, "dead-" + topic)
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(JournaldSourceConfig.disabled()));
    }
}
