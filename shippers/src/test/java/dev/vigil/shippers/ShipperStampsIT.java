package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time an app log line's own stamp gives reaches Kafka as the event's time, through a real
 * broker, for the stamp forms of real servers' logs (src/test/resources/stamps/lines.tsv, sources
 * beside it): each line is its own event, stamped with its own time, not the time of the line
 * before or of the file.
 */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShipperStampsIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final Path FIXTURE = Path.of("src/test/resources/stamps/lines.tsv");

    @TempDir Path dir;

    @Test
    void eachLineIsShippedAtTheTimeItsOwnStampGives() throws Exception {
        Map<String, Instant> expected = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (String row : Files.readAllLines(FIXTURE)) {
            if (row.startsWith("#")) {
                continue;
            }
            String[] f = row.split("\t", 3);
            lines.add(f[2]);
            expected.put(f[2], Instant.parse(f[1]));
        }
        Path appLog = Files.createDirectories(dir.resolve("app")).resolve("app.log");
        Files.writeString(appLog, String.join("\n", lines) + "\n");
        Path conf = Files.writeString(dir.resolve("shipper.conf"), "file = " + dir + "/app/*.log\nfile.zone = UTC\n");
        KAFKA.createTopic("stamps", 1);
        ShipperConfig config = FileOnlyConfig.load(conf, dir.resolve("state"), KAFKA.bootstrapServers(), "stamps");

        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), "stamps");
                Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            List<Event> events = reader.readUntil(es -> stamps(es, appLog).size() == expected.size(),
                    Duration.ofSeconds(60));

            assertEquals(expected, stamps(events, appLog));
        }
    }

    /** Message to time of the events of {@code file}. */
    private static Map<String, Instant> stamps(List<Event> events, Path file) {
        Map<String, Instant> out = new TreeMap<>();
        events.stream().filter(e -> file.toString().equals(e.file())).forEach(e -> out.put(e.message(), e.ts()));
        return out;
    }
}
