package dev.vigil.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the in-process broker.
 *
 * @param dataDir folder holding the KRaft metadata log and the topic data; formatted on first
 *     start and reused afterwards
 * @param port client port on 127.0.0.1 (default 9092); 0 picks a free port
 * @param verbose log the broker at INFO instead of WARN
 * @param authenticated clients must log in (SASL/PLAIN with the passwords generated into
 *     {@code dataDir/credentials}) and may do only what {@link VigilAcls} grants them; Vigil's
 *     commands always start the broker so. Without: anyone on the machine may read and write
 *     every topic, which only tests and benchmarks want
 */
public record EmbeddedKafkaConfig(Path dataDir, int port, boolean verbose, boolean authenticated) {
    /** The client port Vigil listens on by default, Kafka's usual one. */
    public static final int DEFAULT_PORT = 9092;

    public EmbeddedKafkaConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of 0..65535: " + port);
        }
    }

    /** A broker without authentication: for tests and benchmarks. */
    public EmbeddedKafkaConfig(Path dataDir, int port, boolean verbose) {
        this(dataDir, port, verbose, false);
    }
}
