package dev.vigil.shippers;

import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.produce.ProducerSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Helpers of {@code bench/shipper/run}, not tests:
 * <ul>
 *   <li>{@code broker DATA_DIR BOOTSTRAP_FILE TOPIC...} runs an embedded broker, creates the topics
 *       (two partitions each), writes its address to BOOTSTRAP_FILE and waits to be killed. The
 *       shipper itself is benched as {@code ./vigil ship}.
 *   <li>{@code producer BOOTSTRAP TOPIC FILE ROUNDS} is the floor under any JVM shipper: the file's
 *       lines are made into events before the clock starts, then sent ROUNDS times by the Kafka
 *       producer alone (the shipper's settings, no callbacks, no reading), each round timed until
 *       every record is acknowledged. It prints one line per round: wall seconds and CPU seconds of
 *       the whole process.
 * </ul>
 */
public final class ShipperBench {
    private ShipperBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("broker")) {
            runBroker(Path.of(args[1]), Path.of(args[2]), List.of(args).subList(3, args.length));
        } else if (args.length == 5 && args[0].equals("producer")) {
            runProducer(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
        } else {
            throw new IllegalArgumentException(
                    "usage: broker DATA_DIR BOOTSTRAP_FILE TOPIC... | producer BOOTSTRAP TOPIC FILE ROUNDS");
        }
    }

    private static void runProducer(String bootstrap, String topic, Path file, int rounds) throws Exception {
        List<String> lines = Files.readAllLines(file);
        byte[][] events = new byte[lines.size()][];
        EventIds.Stream ids = EventIds.forStream("bench", Source.FILE, "2049:131:f1");
        long offset = 0;
        for (int i = 0; i < events.length; i++) {
            Instant ts = Instant.parse("2026-03-14T02:11:07Z").plusMillis(i % 1000);
            events[i] = EventJson.toBytes(Event.builder("bench", Source.FILE, ts, lines.get(i))
                    .id(ids.at(offset)).file(file.toString()).offset(offset).build());
            offset += lines.get(i).length() + 1;
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(ProducerSettings.kafkaProperties(bootstrap, new Properties()))) {
            for (int round = 1; round <= rounds; round++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                for (byte[] event : events) {
                    producer.send(new ProducerRecord<>(topic, "bench", event));
                }
                producer.flush();
                System.out.printf("round %d: %d records, wall %.2f s, CPU %.2f s%n", round, events.length,
                        (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
            }
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
}
