package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * The level a program gave its lines reaches Kafka as the event's priority, through a real broker:
 * an app log's lines (real lines of src/test/resources/line-levels/lines.tsv, sources beside it)
 * and a syslog file's program lines without {@code <PRI>}.
 */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShipperLineLevelIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final Path FIXTURE = Path.of("src/test/resources/line-levels/lines.tsv");

    @TempDir Path dir;

    @Test
    void eachLineIsShippedWithTheLevelItsProgramGaveIt() throws Exception {
        Map<String, Integer> app = new TreeMap<>();
        Map<String, Integer> syslog = new TreeMap<>();
        List<String> appLines = new ArrayList<>();
        List<String> syslogLines = new ArrayList<>();
        for (String row : Files.readAllLines(FIXTURE)) {
            String[] f = row.split("\t", 4);
            // one form of each kind, the ones a file tailer meets most: logfmt, klog, two-line records, no level
            if (row.startsWith("#") || !List.of("log15-logfmt", "klog", "aspnetcore-console", "lowercase-numbered-debug",
                    "no-level", "logrus-logfmt").contains(f[2])) {
                continue;
            }
            String line = f[3].replace("<NL>", "\n");
            (f[0].equals("file") ? appLines : syslogLines).add(line);
            (f[0].equals("file") ? app : syslog).put(line, f[1].equals("-") ? null : Integer.valueOf(f[1]));
        }
        // each program's line in a file of its own: in one file, the lines without a stamp would join the stamped ones before them
        Path appLogs = Files.createDirectories(dir.resolve("app"));
        for (int i = 0; i < appLines.size(); i++) {
            Files.writeString(appLogs.resolve(i + ".log"), appLines.get(i) + "\n");
        }
        Path syslogFile = Files.createDirectories(dir.resolve("log")).resolve("syslog");
        Files.writeString(syslogFile, String.join("\n", syslogLines) + "\n");
        Path conf = Files.writeString(dir.resolve("shipper.conf"),
                "file = " + dir + "/app/*.log\nfile = " + dir + "/log/syslog\n");
        KAFKA.createTopic("levels", 1);
        ShipperConfig config = FileOnlyConfig.load(conf, dir.resolve("state"), KAFKA.bootstrapServers(), "levels");

        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), "levels");
                Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            List<Event> events = reader.readUntil(es -> levels(es, appLogs).size() == app.size()
                    && syslogLevels(es, syslogLines).size() == syslog.size(), Duration.ofSeconds(60));

            assertEquals(app, levels(events, appLogs));
            assertEquals(syslog, syslogLevels(events, syslogLines));
        }
    }

    /** Message to priority of the events of the files in {@code folder}. */
    private static Map<String, Integer> levels(List<Event> events, Path folder) {
        Map<String, Integer> out = new TreeMap<>();
        events.stream().filter(e -> e.file() != null && e.file().startsWith(folder + "/")).forEach(e -> out.put(e.message(), e.priority()));
        return out;
    }

    /** Syslog line to priority, for the journald events made of those lines (their message is the line's end). */
    private static Map<String, Integer> syslogLevels(List<Event> events, List<String> lines) {
        Map<String, Integer> out = new TreeMap<>();
        for (Event e : events) {
            lines.stream().filter(l -> l.endsWith(": " + e.message())).findFirst().ifPresent(l -> out.put(l, e.priority()));
        }
        return out;
    }
}
