package dev.vigil.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka (KRaft broker + controller in one process) running inside the JVM.
 * The storage is formatted once; later starts reuse the data folder, so topics and offsets survive.
 *
 * <p>With {@link EmbeddedKafkaConfig#authenticated()} both listeners take SASL/PLAIN logins only,
 * the passwords coming from {@link BrokerCredentials}, and Kafka's {@code StandardAuthorizer}
 * enforces {@link VigilAcls}. The data folder is made owner-only (0700) either way: the topic
 * data in it is the host's journal and kernel log.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final String CLIENT_LISTENER = "CLIENT";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final BrokerCredentials credentials;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir, BrokerCredentials credentials) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.credentials = credentials;
    }

    /**
     * Formats the data folder if it is new, then starts the broker and returns once it serves.
     *
     * @throws PortInUseException when the client port is taken
     */
    public static EmbeddedKafka start(EmbeddedKafkaConfig config) {
        int port = config.port() == 0 ? freePort() : config.port();
        ensurePortFree(port);
        // the controller listens 10000 above a chosen client port (19092 by default), never on a random one
        int controllerPort = config.port() == 0 ? freePort() : port + (port <= 55535 ? 10000 : -10000);
        ensurePortFree(controllerPort);
        Path logDir = config.dataDir().resolve("kraft").toAbsolutePath();
        ownerOnly(config.dataDir());
        BrokerCredentials credentials = config.authenticated() ? BrokerCredentials.loadOrCreate(config.dataDir()) : null;
        Map<String, Object> props = serverProperties(logDir, port, controllerPort);
        if (credentials != null) {
            props.putAll(securityProperties(credentials));
        }
        KafkaConfig kafkaConfig = new KafkaConfig(props, false);
        boolean formatted = formatIfNew(logDir);
        KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        String bootstrap = "127.0.0.1:" + port;
        EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap, logDir, credentials);
        if (credentials != null) {
            try (Admin admin = kafka.admin(VigilPrincipal.BROKER)) {
                VigilAcls.ensure(admin);
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
        }
        log.info("Embedded Kafka started bootstrap={} dataDir={} formatted={} authenticated={}", bootstrap, logDir,
                formatted, credentials != null);
        return kafka;
    }

    /**
     * Client properties for {@code principal}: its SASL login on an authenticated broker, none on
     * one without authentication.
     */
    public Map<String, String> clientProperties(VigilPrincipal principal) {
        return credentials == null ? Map.of() : credentials.clientProperties(principal);
    }

    /** An admin client logged in as {@code principal}; the caller closes it. */
    public Admin admin(VigilPrincipal principal) {
        Map<String, Object> props = new HashMap<>(clientProperties(principal));
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }

    /** True when clients must log in. */
    public boolean authenticated() {
        return credentials != null;
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The folder holding the broker's data. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        log.info("Stopping embedded Kafka bootstrap={}", bootstrapServers);
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * SASL/PLAIN on both listeners and the standard authorizer. PLAIN, not SCRAM: a KRaft controller
     * listener cannot use SCRAM (its credentials live in the metadata the controller serves), and
     * both listeners are bound to 127.0.0.1, so the password never crosses a network.
     */
    private static Map<String, Object> securityProperties(BrokerCredentials credentials) {
        Map<String, Object> p = new HashMap<>();
        p.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", BrokerCredentials.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", BrokerCredentials.MECHANISM);
        p.put("sasl.mechanism.controller.protocol", BrokerCredentials.MECHANISM);
        String jaas = credentials.serverJaas();
        for (String listener : List.of(CLIENT_LISTENER, CONTROLLER_LISTENER)) {
            p.put("listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".plain.sasl.jaas.config", jaas);
        }
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", VigilPrincipal.BROKER.kafkaPrincipal() + ";" + VigilPrincipal.OPERATOR.kafkaPrincipal());
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** The data folder readable by its owner only; created so if new. */
    private static void ownerOnly(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Cannot make the broker's data folder owner-only folder={} reason=\"{}\"", dir, e.getMessage());
        }
    }

    private static Map<String, Object> serverProperties(Path logDir, int port, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", CLIENT_LISTENER + "://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", CLIENT_LISTENER + "://127.0.0.1:" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", CLIENT_LISTENER);
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        // one node: every internal topic must fit on it
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "false");
        // a single member group need not wait for others to join
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    /** Formats the KRaft storage once; a folder with meta.properties is reused as it is. */
    private static boolean formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return false;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException(port, e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port: " + e.getMessage(), e);
        }
    }
}
