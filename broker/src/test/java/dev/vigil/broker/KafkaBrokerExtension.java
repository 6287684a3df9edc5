package dev.vigil.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real embedded Kafka broker per test class, on a free port, in a temporary folder.
 * Register it as {@code @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();}.
 * It runs without authentication, so a test's clients need no login; a test about who may do
 * what registers {@link #authenticated()} and logs in with {@link #clientProperties(VigilPrincipal)}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {
    private final boolean authenticated;
    private Path dataDir;
    private EmbeddedKafka kafka;

    /** A broker without authentication. */
    public KafkaBrokerExtension() {
        this(false);
    }

    private KafkaBrokerExtension(boolean authenticated) {
        this.authenticated = authenticated;
    }

    /** A broker as {@code vigil run} starts it: logins required, ACLs enforced. */
    public static KafkaBrokerExtension authenticated() {
        return new KafkaBrokerExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("vigil-kafka-it-");
        kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(dataDir, 0, false, authenticated));
    }

    /** The login of {@code principal}; none when the broker runs without authentication. */
    public Map<String, String> clientProperties(VigilPrincipal principal) {
        return kafka.clientProperties(principal);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (kafka != null) {
            kafka.close();
        }
        deleteRecursively(dataDir);
    }

    /** {@code host:port} of the running broker. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The running broker, to stop and restart it in a test. */
    public EmbeddedKafka broker() {
        return kafka;
    }

    /** Creates a topic and waits until it exists. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** Creates a topic with topic configs and waits until it exists. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name, e);
        }
    }

    /** An admin client on the broker, logged in as the operator when logins are required; the caller closes it. */
    public Admin admin() {
        return kafka.admin(VigilPrincipal.OPERATOR);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
