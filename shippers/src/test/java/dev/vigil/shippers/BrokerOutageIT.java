package dev.vigil.shippers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.broker.EmbeddedKafka;
import dev.vigil.broker.EmbeddedKafkaConfig;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import dev.vigil.shippers.produce.SourceCounters;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The broker goes away for 30 s mid-stream: reading pauses with bounded memory, then nothing is lost. */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class BrokerOutageIT {
    private static final String TOPIC = "events-outage";
    private static final int MAX_IN_FLIGHT = 200;
    private static final int BEFORE = 2_000;
    private static final int DURING = 3_000;

    @TempDir Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void shouldPauseReadingWhileBrokerIsDownAndLoseNothingWhenItReturns() throws Exception {
        EmbeddedKafkaConfig brokerConfig = new EmbeddedKafkaConfig(dir.resolve("kafka"), freePort(), false);
        EmbeddedKafka broker = EmbeddedKafka.start(brokerConfig);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Path log = dir.resolve("app.log");
        NumberedLines.append(log, 0, BEFORE);
        ShipperConfig config = ShipperConfig.defaults("web-1", dir.resolve("state"), broker.bootstrapServers())
                .withTopics(TOPIC, "dead-outage")
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(JournaldSourceConfig.disabled())
                .withFiles(FileTailConfig.defaults(List.of(new FileInput(log.toString(), false))))
                .withIntervals(Duration.ofHours(1), Duration.ofMillis(200))
                .withInFlightLimit(MAX_IN_FLIGHT, 32L * 1024 * 1024);

        try (Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> file(shipper).recordsSent() == BEFORE);

            broker.close();
            NumberedLines.append(log, BEFORE, BEFORE + DURING);
            await().atMost(Duration.ofSeconds(30)).until(() -> file(shipper).recordsRead() > BEFORE);
            // the limit, plus the one line read and waiting for room (or for the topic's metadata)
            await("reading stays paused, at most " + MAX_IN_FLIGHT + " records read and unacknowledged, for 30 s")
                    .during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(40))
                    .until(() -> file(shipper).recordsRead() - file(shipper).recordsSent() <= MAX_IN_FLIGHT + 1
                            && file(shipper).recordsRead() < BEFORE + DURING);

            broker = EmbeddedKafka.start(brokerConfig);
            await().atMost(Duration.ofSeconds(90)).until(() -> file(shipper).recordsSent() >= BEFORE + DURING);
        }
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), TOPIC)) {
            List<Event> events = reader.readUntil(e -> e.stream().filter(ev -> ev.source() == Source.FILE)
                    .map(Event::id).distinct().count() >= BEFORE + DURING, Duration.ofSeconds(60));
            Set<String> missing = IntStream.range(0, BEFORE + DURING)
                    .mapToObj(NumberedLines::line).collect(Collectors.toCollection(TreeSet::new));
            events.stream().filter(e -> e.source() == Source.FILE).map(Event::message).forEach(missing::remove);
            assertEquals(Set.of(), missing, "lines not in Kafka");
        } finally {
            broker.close();
        }
    }

    private static SourceCounters file(Shipper shipper) {
        return shipper.counters().get("file");
    }
}
