package dev.vigil.broker;

import java.util.Locale;

/**
 * The users of the embedded broker when it runs with authentication. Each has its own password
 * and its own client properties file in the credentials folder, so a process gets only what its
 * file allows (see {@link VigilAcls}).
 */
public enum VigilPrincipal {
    /** The broker talking to its own controller; a super user no client is given. */
    BROKER,
    /** Whoever runs Vigil's commands: creates topics, publishes patterns, reads incidents. A super user. */
    OPERATOR,
    /** The Kafka Streams analyzer: reads events and patterns, writes incidents, dead letters, its own topics. */
    ANALYZER,
    /** A host's shipper: writes events and dead letters, nothing else. */
    SHIPPER;

    /** The SASL user name, e.g. {@code shipper}. */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code User:shipper}, as ACLs and {@code super.users} name it. */
    public String kafkaPrincipal() {
        return "User:" + userName();
    }
}
