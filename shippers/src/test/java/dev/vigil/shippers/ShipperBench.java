package dev.vigil.shippers;

import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Helper processes of {@code bench/shipper/run}, not a test.
 * {@code broker DATA_DIR BOOTSTRAP_FILE TOPIC...}: runs an embedded broker, creates the topics,
 * writes its address to BOOTSTRAP_FILE and waits to be killed.
 * {@code ship BOOTSTRAP TOPIC FILE LINES STATE_DIR}: ships FILE with a {@link Shipper} until
 * LINES records are acknowledged, then prints the seconds it took and exits.
 */
public final class ShipperBench {
    private ShipperBench() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args[0].equals("broker")) {
            runBroker(Path.of(args[1]), Path.of(args[2]), List.of(args).subList(3, args.length));
        } else {
            out.printf("%.3f%n", ship(args[1], args[2], Path.of(args[3]), Long.parseLong(args[4]), Path.of(args[5])));
        }
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

    private static double ship(String bootstrap, String topic, Path file, long lines, Path stateDir) throws Exception {
        ShipperConfig config = ShipperConfig.defaults("bench", stateDir, bootstrap)
                .withTopics(topic, topic + "-dead")
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(JournaldSourceConfig.disabled())
                .withFiles(FileTailConfig.defaults(List.of(new FileInput(file.toString(), false))))
                .withIntervals(Duration.ofHours(1), Duration.ofSeconds(1));
        long start = System.nanoTime();
        try (Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            while (shipper.counters().get("file").recordsSent() < lines) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
