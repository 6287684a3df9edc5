package dev.vigil.analyzer.cli;

import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.broker.VigilTopics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The Kafka a command talks to: the embedded broker it started, or an existing cluster. */
final class KafkaCluster implements AutoCloseable {
    private final EmbeddedKafka embedded;
    private final String bootstrapServers;
    private final Map<String, String> clientProperties;

    private KafkaCluster(EmbeddedKafka embedded, String bootstrapServers, Map<String, String> clientProperties) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = clientProperties;
    }

    /** Starts the embedded broker unless {@code --bootstrap-servers} names a cluster. */
    static KafkaCluster open(KafkaOptions options) {
        Map<String, String> props = options.clientProperties();
        if (!options.embedded()) {
            return new KafkaCluster(null, options.bootstrapServers, props);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(
                options.dataDir().resolve("kafka"), options.kafkaPort, false));
        return new KafkaCluster(kafka, kafka.bootstrapServers(), props);
    }

    /** Connects to an existing cluster only; for commands that never start a broker. */
    static KafkaCluster existing(KafkaOptions options) {
        String bootstrap = options.embedded() ? "127.0.0.1:" + options.kafkaPort : options.bootstrapServers;
        return new KafkaCluster(null, bootstrap, options.clientProperties());
    }

    /** Creates Vigil's topics where missing. */
    void ensureTopics(int eventPartitions) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            VigilTopics.ensure(admin, eventPartitions, embedded != null ? (short) 1 : VigilTopics.BROKER_DEFAULT_REPLICATION);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Map<String, String> clientProperties() {
        return clientProperties;
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
