package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.shippers.file.FileFormat;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileSelection;
import dev.vigil.shippers.file.MultilinePattern;
import dev.vigil.shippers.filter.DropRule;
import dev.vigil.shippers.filter.NameGlob;
import dev.vigil.shippers.filter.RateLimit;
import dev.vigil.shippers.journald.JournalFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShipperConfigFileTest {
    @TempDir Path dir;

    private ShipperConfig base() {
        return ShipperConfig.defaults("base-host", dir.resolve("state"), "localhost:9092");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("shipper.conf"), text);
    }

    @Test
    void shouldApplyFileValuesOverBase() throws Exception {
        Path conf = write("""
                # production shipper
                host = web-1
                bootstrap_servers = kafka-1:9092,kafka-2:9092
                heartbeat_interval = 15s
                file = /var/log/rivet/*.log
                file = /var/log/nginx/access.log multiline=off
                file.partial_timeout = 3s
                journald.enabled = false
                kafka.security.protocol = SSL
                """);

        ShipperConfig c = ShipperConfigFile.load(conf, base());

        assertEquals("web-1", c.host());
        assertEquals("kafka-1:9092,kafka-2:9092", c.bootstrapServers());
        assertEquals(Duration.ofSeconds(15), c.heartbeatInterval());
        assertEquals(List.of(FileInput.of("/var/log/rivet/*.log"), new FileInput("/var/log/nginx/access.log", false)),
                c.files().inputs());
        assertEquals(Duration.ofSeconds(3), c.files().partialTimeout());
        assertEquals(false, c.journald().enabled());
        assertEquals(Map.of("security.protocol", "SSL"), c.kafkaOverrides());
        assertEquals(dir.resolve("state"), c.stateDir(), "kept from the base");
    }

    @Test
    void shouldReadFiltersJournalFiltersAndFileSelection() throws Exception {
        ShipperConfig c = ShipperConfigFile.load(write("""
                drop = source=journald unit=systemd-*.service level=debug,info
                drop = regex=GET /healthz HTTP
                rate_limit = 1000/1s burst=5000
                journald.units = nginx.service, app-*.service
                journald.exclude_units = app-debug*
                journald.max_priority = warning
                journald.match = _TRANSPORT=journal
                journald.match = SYSLOG_FACILITY=3
                journald.current_boot = true
                file = /var/log/app/*.log
                file.exclude = /var/log/app/*.gz
                file.ignore_older = 2d
                file.max_open_files = 100
                """), base());

        assertEquals(List.of("source=journald unit=systemd-*.service level=debug,info", "regex=GET /healthz HTTP"),
                c.filter().drops().stream().map(DropRule::text).toList());
        assertEquals(java.util.Set.of(6, 7), c.filter().drops().get(0).levels());
        assertEquals(new RateLimit(1000, Duration.ofSeconds(1), 5000), c.filter().rateLimit());
        assertEquals(new JournalFilter(List.of("nginx.service", "app-*.service"), List.of(new NameGlob("app-debug*")), 4,
                List.of("_TRANSPORT=journal", "SYSLOG_FACILITY=3"), true), c.journald().filter());
        assertEquals(new FileSelection(List.of("/var/log/app/*.gz"), Duration.ofDays(2), 100), c.files().selection());
    }

    @Test
    void shouldReportEveryBadFilterValueOnItsLine() throws Exception {
        Path conf = write("""
                drop = unit=nginx.service colour=red
                drop = regex=(unclosed
                rate_limit = fast
                journald.max_priority = loud
                journald.match = transport=kernel
                """);

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ShipperConfigFile.load(conf, base()));

        assertEquals(List.of(
                conf + ":4: unknown level 'loud', expected one of emerg, alert, crit, err, warning, notice, info, debug or 0-7",
                conf + ":5: journald match needs FIELD=value with FIELD in capitals, digits and _ (like _TRANSPORT=kernel), "
                        + "got 'transport=kernel'",
                conf + ":1: unknown drop condition 'colour=red', expected source=, unit=, level= or regex= (last)",
                conf + ":2: drop rule regex '(unclosed' is not valid RE2: missing closing )",
                conf + ":3: rate limit needs EVENTS/INTERVAL [burst=N] like 1000/1s or 600/1m burst=2000, got 'fast'"),
                e.problems());
    }

    @Test
    void shouldLoadTheExampleWithEveryKeyUncommented() throws Exception {
        String example = Files.readString(Path.of("../packaging/shipper.conf.example"));
        Path conf = write(example.replaceAll("(?m)^# ([a-z_.]+ = )", "$1")
                .replaceAll("(?m)^(journald\\.(directory|file) = .*)$", "# $1"));

        ShipperConfig c = ShipperConfigFile.load(conf, base());

        assertEquals(3, c.filter().drops().size());
        assertEquals(new RateLimit(1000, Duration.ofSeconds(1), 5000), c.filter().rateLimit());
        assertEquals(List.of("nginx.service", "rivet-*.service"), c.journald().filter().units());
        assertEquals(new FileSelection(List.of("/var/log/rivet/*.gz"), Duration.ofDays(2), 512), c.files().selection());
        assertEquals(List.of("/var/log/rivet/*.log", "/var/log/nginx/access.log", "/var/log/gateway/*.log",
                "/var/log/worker/*.log", "/var/log/syslog", "/var/log/kern.log"),
                c.files().inputs().stream().map(i -> i.glob()).toList());
        MultilinePattern gateway = c.files().inputs().get(2).pattern();
        assertEquals("^\\d{4}-\\d\\d-\\d\\dT", gateway.start().pattern());
        assertEquals(200, gateway.maxLines());
        assertEquals(Duration.ofSeconds(2), gateway.timeout());
        assertEquals(List.of(8000, 4L * 1024 * 1024), List.of(c.maxInFlightRecords(), c.maxInFlightBytes()));
    }

    @Test
    void shouldSuggestTheNearestNewKey() throws Exception {
        Path conf = write("rate_limt = 10/1s\n");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ShipperConfigFile.load(conf, base()));

        assertEquals(List.of(conf + ":1: unknown key 'rate_limt'; did you mean 'rate_limit'?"), e.problems());
    }

    @Test
    void shouldReadEachFileFormatAndDetectItByDefault() throws Exception {
        ShipperConfig c = ShipperConfigFile.load(write("""
                file = /var/log/syslog format=syslog
                file = /var/log/app/*.log format=text multiline=off
                file = /var/log/other.log
                """), base());

        assertEquals(List.of(new FileInput("/var/log/syslog", true, FileFormat.SYSLOG),
                new FileInput("/var/log/app/*.log", false, FileFormat.TEXT),
                new FileInput("/var/log/other.log", true, FileFormat.AUTO)), c.files().inputs());
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> ShipperConfigFile.load(write("file = /var/log/syslog format=rfc3164\n"), base()));
        assertEquals(List.of(dir.resolve("shipper.conf") + ":1: unknown file format 'rfc3164', expected one of auto, "
                + "syslog, text, cri, docker-json"), e.problems());
        e = assertThrows(ConfigFileException.class,
                () -> ShipperConfigFile.load(write("file = /var/log/syslog multiline=yes\n"), base()));
        assertEquals(List.of(dir.resolve("shipper.conf") + ":1: unknown file option 'multiline=yes', expected "
                + "multiline=on, multiline=off, format=auto|syslog|text|cri|docker-json, multiline.start=, "
                + "multiline.continue=, multiline.max_lines=, multiline.max_bytes=, multiline.timeout="), e.problems());
    }

    @Test
    void shouldFollowSymlinksOnlyWhenTheFileSaysSo() throws Exception {
        org.junit.jupiter.api.Assertions.assertFalse(ShipperConfigFile.load(write("host = a\n"), base()).files().followSymlinks());
        org.junit.jupiter.api.Assertions.assertTrue(
                ShipperConfigFile.load(write("file.follow_symlinks = true\n"), base()).files().followSymlinks());
    }

    @Test
    void shouldReadTheSystemJournalFromAnHourAgoOnAFirstStartAndANamedJournalWhole() throws Exception {
        assertEquals(Duration.ofHours(1), base().journald().firstStartLookBack(), "the system journal by default");
        assertEquals(Duration.ofMinutes(30),
                ShipperConfigFile.load(write("journald.first_start = 30m\n"), base()).journald().firstStartLookBack());
        assertNull(ShipperConfigFile.load(write("journald.first_start = all\n"), base()).journald().firstStartLookBack());
        assertNull(ShipperConfigFile.load(write("journald.directory = /var/log/journal/remote\n"), base())
                .journald().firstStartLookBack(), "a journal named on purpose is read whole");

        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> ShipperConfigFile.load(write("journald.first_start = yesterday\n"), base()));
        assertEquals(List.of(dir.resolve("shipper.conf") + ":1: 'journald.first_start' needs a duration like 250ms, 10s, "
                + "5m, 1h or 1d, got 'yesterday'"), e.problems());
    }

    @Test
    void shouldReportEveryProblemWithFileAndLine() throws IOException {
        Path conf = write("""
                hearbeat_interval = 10s
                checkpoint_interval = 1 sec
                max_in_flight_records = -5
                file = relative/*.log
                not a key value line
                """);

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ShipperConfigFile.load(conf, base()));

        assertEquals(List.of(
                conf + ":1: unknown key 'hearbeat_interval'; did you mean 'heartbeat_interval'?",
                conf + ":4: file glob must be absolute, got 'relative/*.log'",
                conf + ":5: expected 'key = value', got 'not a key value line'",
                conf + ":2: 'checkpoint_interval' needs a duration like 250ms, 10s, 5m, 1h or 1d, got '1 sec'",
                conf + ":3: 'max_in_flight_records' needs a positive whole number, got '-5'"), e.problems());
    }

    @Test
    void shouldRejectKeySetTwiceNamingTheFirstLine() throws IOException {
        Path conf = write("host = a\nhost = b\n");

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ShipperConfigFile.load(conf, base()));

        assertEquals(List.of(conf + ":2: 'host' is already set on line 1"), e.problems());
    }
}
