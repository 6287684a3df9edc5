package dev.vigil.analyzer.cli;

import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.broker.VigilPrincipal;
import dev.vigil.broker.VigilTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The Kafka a command talks to: the embedded broker it started, or an existing cluster. The
 * embedded broker takes logins only; each client of a command logs in as the
 * {@link VigilPrincipal} it acts for (the shipper as {@code shipper}, the analyzer as
 * {@code analyzer}, the rest as {@code operator}), with the credentials the broker generated.
 */
final class KafkaCluster implements AutoCloseable {
    private final EmbeddedKafka embedded;
    private final String bootstrapServers;
    private final KafkaOptions options;

    private KafkaCluster(EmbeddedKafka embedded, String bootstrapServers, KafkaOptions options) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
        this.options = options;
    }

    /** Starts the embedded broker, with authentication, unless {@code --bootstrap-servers} names a cluster. */
    static KafkaCluster open(KafkaOptions options) {
        if (!options.embedded()) {
            return new KafkaCluster(null, options.bootstrapServers, options);
        }
        createOwnerOnly(options.dataDir());
        EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(
                options.brokerDataDir(), options.kafkaPort, false, true));
        return new KafkaCluster(kafka, kafka.bootstrapServers(), options);
    }

    /**
     * Creates the data folder readable by its owner only: it holds the host's logs (broker data,
     * analyzer state, evidence). A folder that exists is left as it is, as it may not be Vigil's
     * alone; the broker's own subfolder is made owner-only either way.
     */
    private static void createOwnerOnly(Path dir) {
        if (Files.exists(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another start: left as it is
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Connects to an existing cluster only; for commands that never start a broker. */
    static KafkaCluster existing(KafkaOptions options) {
        String bootstrap = options.embedded() ? "127.0.0.1:" + options.kafkaPort : options.bootstrapServers;
        return new KafkaCluster(null, bootstrap, options);
    }

    /** Creates Vigil's topics where missing. */
    void ensureTopics(int eventPartitions) {
        Map<String, Object> props = new HashMap<>(clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            VigilTopics.ensure(admin, eventPartitions, embedded != null ? (short) 1 : VigilTopics.BROKER_DEFAULT_REPLICATION);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Client properties of the operator: topic creation, pattern publishing, incident reading. */
    Map<String, String> clientProperties() {
        return clientProperties(VigilPrincipal.OPERATOR);
    }

    /** Client properties of a client acting as {@code principal}. */
    Map<String, String> clientProperties(VigilPrincipal principal) {
        if (embedded != null && options.kafkaConfig == null) {
            return embedded.clientProperties(principal);
        }
        return options.clientProperties(principal);
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
