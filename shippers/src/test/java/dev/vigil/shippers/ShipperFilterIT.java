package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileSelection;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.filter.DropRule;
import dev.vigil.shippers.filter.FilterConfig;
import dev.vigil.shippers.filter.NameGlob;
import dev.vigil.shippers.filter.RateLimit;
import dev.vigil.shippers.journald.JournalExportFile;
import dev.vigil.shippers.journald.JournalFilter;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Drop rules, the rate limit, file selection and journal filters, through a real broker. */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ShipperFilterIT {
    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final String OLD_BOOT = "0407d3cf01864e81b2b7aa77d3597014";
    private static final String BOOT = "7c4ad3f1e7a94d4aa4a0d5bd1e2e0f11";

    @TempDir Path dir;

    private ShipperConfig base(String topic) {
        KAFKA.createTopic(topic, 1);
        return ShipperConfig.defaults("web-1", dir.resolve("state-" + topic), KAFKA.bootstrapServers())
                .withTopics(topic, "dead-" + topic)
                .withKmsg(KmsgSourceConfig.disabled())
                .withJournald(JournaldSourceConfig.disabled())
                .withIntervals(Duration.ofMillis(500), Duration.ofMillis(100));
    }

    /** Events until a heartbeat says {@code source} read {@code records} and has nothing in flight. */
    private static List<Event> untilAllRead(TopicReader reader, String source, long records) {
        Predicate<Event> caughtUp = e -> e.isShipperEvent("heartbeat")
                && Long.toString(records).equals(e.fields().get(source + ".records_read"))
                && "0".equals(e.fields().get(source + ".lag_records"));
        return reader.readUntil(events -> events.stream().anyMatch(caughtUp), Duration.ofSeconds(60));
    }

    private static Set<String> messages(List<Event> events, Source source) {
        return events.stream().filter(e -> e.source() == source).map(Event::message)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shouldDropByRuleAndRateLimitReportTheDropsAndMovePastThemOnRestart() throws Exception {
        Path syslog = dir.resolve("syslog");
        Files.write(syslog, Files.readAllLines(Path.of("src/test/resources/syslog/rfc3164-samba-ad-dc.log")));
        Path app = dir.resolve("app.log");
        NumberedLines.append(app, 0, 500);
        FilterConfig filter = new FilterConfig(List.of(DropRule.parse("unit=samba-* regex=Consumed .* CPU time")),
                RateLimit.parse("50/1h"));
        ShipperConfig config = base("filtered")
                .withFiles(FileTailConfig.defaults(List.of(new FileInput(syslog.toString(), false),
                        new FileInput(app.toString(), false))))
                .withFilter(filter);

        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), "filtered")) {
            try (Shipper shipper = new Shipper(config, Clock.systemUTC())) {
                shipper.start();
                List<Event> events = untilAllRead(reader, "file", 506);
                assertEquals(Set.of("Started samba-ad-dc.service.", "Starting samba-ad-dc.service...",
                        "Stopped samba-ad-dc.service.", "samba-ad-dc.service: Failed with result 'exit-code'.",
                        "samba-ad-dc.service: Main process exited, code=exited, status=127/n/a"),
                        messages(events, Source.JOURNALD), "the Consumed line dropped by the rule");
                assertEquals(50, messages(events, Source.FILE).size(), "the burst of app.log, then the limit");
                assertEquals(Set.of("line-000000", "line-000049"), Set.of(messages(events, Source.FILE).stream()
                        .filter(m -> m.equals("line-000000") || m.equals("line-000049")).toArray(String[]::new)));
                List<Event> all = reader.readUntil(es -> droppedOf(es, app) == 450, Duration.ofSeconds(30));
                Event report = all.stream().filter(e -> e.isShipperEvent("events_dropped")).findFirst().orElseThrow();
                assertEquals("file:" + app, report.fields().get("key"));
                assertEquals("50/3600000ms burst=50", report.fields().get("rate_limit"));
            }
            NumberedLines.append(app, 500, 501);
            try (Shipper restarted = new Shipper(config, Clock.systemUTC())) {
                restarted.start();
                List<Event> events = reader.readUntil(es -> messages(es, Source.FILE).contains("line-000500"),
                        Duration.ofSeconds(60));
                assertEquals(51, events.stream().filter(e -> e.source() == Source.FILE).count(),
                        "after the restart only the new line: dropped lines were passed, not held back");
            }
        }
    }

    private static long droppedOf(List<Event> events, Path file) {
        return events.stream().filter(e -> e.isShipperEvent("events_dropped"))
                .filter(e -> ("file:" + file).equals(e.fields().get("key")))
                .mapToLong(e -> Long.parseLong(e.fields().get("dropped"))).sum();
    }

    @Test
    void shouldOpenOnlySelectedFiles() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        NumberedLines.append(logs.resolve("app.log"), 0, 3);
        NumberedLines.append(logs.resolve("app-debug.log"), 100, 103);
        Path stale = logs.resolve("stale.log");
        NumberedLines.append(stale, 200, 203);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        ShipperConfig config = base("selected").withFiles(FileTailConfig.defaults(List.of(
                        new FileInput(logs + "/*.log", false)))
                .withSelection(new FileSelection(List.of(logs + "/*-debug.log"), Duration.ofDays(1), 0)));

        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), "selected");
                Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            List<Event> events = untilAllRead(reader, "file", 3);
            assertEquals(Set.of("line-000000", "line-000001", "line-000002"), messages(events, Source.FILE));
        }
    }

    @Test
    void shouldCapOpenFiles() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("capped"));
        NumberedLines.append(logs.resolve("a.log"), 0, 3);
        NumberedLines.append(logs.resolve("b.log"), 0, 3);
        ShipperConfig config = base("capped").withFiles(FileTailConfig.defaults(List.of(
                        new FileInput(logs + "/*.log", false)))
                .withSelection(new FileSelection(List.of(), null, 1)));

        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), "capped");
                Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            List<Event> events = untilAllRead(reader, "file", 3);
            assertEquals(1, events.stream().filter(e -> e.source() == Source.FILE).map(Event::file).distinct().count(),
                    "one file open at a time");
        }
    }

    @Test
    void shouldPassJournalFiltersToJournalctlAndExcludeUnitsAfterReading() throws Exception {
        JournalExportFile.assumeToolsInstalled();
        JournalExportFile export = new JournalExportFile();
        entry(export, 0, OLD_BOOT, "nginx.service", 6, "old boot").endEntry();
        entry(export, 1, BOOT, "nginx.service", 6, "nginx info").endEntry();
        entry(export, 2, BOOT, "nginx.service", 7, "nginx debug").endEntry();
        entry(export, 3, BOOT, "app-worker.service", 3, "worker error").endEntry();
        entry(export, 4, BOOT, "app-debug-1.service", 3, "excluded unit").endEntry();
        entry(export, 5, BOOT, "cron.service", 3, "other unit").endEntry();
        entry(export, 6, BOOT, "app-worker.service", 4, "worker warning, last read").endEntry();
        Path journal = export.writeJournal(dir.resolve("system.journal"));
        JournalFilter filter = new JournalFilter(List.of("nginx.service", "app-*.service"),
                List.of(new NameGlob("app-debug*")), 6, List.of(), true);
        ShipperConfig config = base("journal").withJournald(new JournaldSourceConfig(true, JournalExportFile.JOURNALCTL,
                null, List.of(journal), null, filter));

        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), "journal");
                Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            List<Event> events = untilAllRead(reader, "journald", 4);
            assertEquals(Set.of("nginx info", "worker error", "worker warning, last read"),
                    messages(events, Source.JOURNALD));
        }
    }

    @Test
    void shouldPassFieldMatchesToJournalctl() throws Exception {
        JournalExportFile.assumeToolsInstalled();
        JournalExportFile export = new JournalExportFile();
        entry(export, 0, BOOT, "nginx.service", 6, "from rivet").field("SYSLOG_IDENTIFIER", "rivet");
        export.endEntry();
        entry(export, 1, BOOT, "nginx.service", 6, "from nginx").field("SYSLOG_IDENTIFIER", "nginx");
        export.endEntry();
        Path journal = export.writeJournal(dir.resolve("matched.journal"));
        JournalFilter filter = new JournalFilter(List.of(), List.of(), null, List.of("SYSLOG_IDENTIFIER=rivet"), false);
        ShipperConfig config = base("matched").withJournald(new JournaldSourceConfig(true, JournalExportFile.JOURNALCTL,
                null, List.of(journal), null, filter));

        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), "matched");
                Shipper shipper = new Shipper(config, Clock.systemUTC())) {
            shipper.start();
            List<Event> events = untilAllRead(reader, "journald", 1);
            assertEquals(Set.of("from rivet"), messages(events, Source.JOURNALD));
        }
    }

    /** An entry written by {@code unit} (a service's own output), open for more fields. */
    private static JournalExportFile entry(JournalExportFile f, int n, String boot, String unit, int priority,
            String message) {
        return f.numberedEntry(n, boot).field("_SYSTEMD_UNIT", unit).field("PRIORITY",
                Integer.toString(priority)).field("MESSAGE", message);
    }
}
