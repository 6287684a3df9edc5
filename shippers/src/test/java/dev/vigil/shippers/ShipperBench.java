package dev.vigil.shippers;

import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The broker of {@code bench/shipper/run}, not a test: {@code broker DATA_DIR BOOTSTRAP_FILE TOPIC...}
 * runs an embedded broker, creates the topics (two partitions each), writes its address to
 * BOOTSTRAP_FILE and waits to be killed. The shipper itself is benched as {@code ./vigil ship}.
 */
public final class ShipperBench {
    private ShipperBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !args[0].equals("broker")) {
            throw new IllegalArgumentException("usage: broker DATA_DIR BOOTSTRAP_FILE TOPIC...");
        }
        runBroker(Path.of(args[1]), Path.of(args[2]), List.of(args).subList(3, args.length));
    }

    private static void runBroker(Path dataDir, Path bootstrapFile, List<String> topics) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(dataDir, 0, false));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 2, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
        Files.writeString(bootstrapFile, kafka.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
