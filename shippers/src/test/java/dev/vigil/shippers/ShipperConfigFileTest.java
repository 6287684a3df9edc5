package dev.vigil.shippers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.shippers.file.FileFormat;
import dev.vigil.shippers.file.FileInput;
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
        assertEquals(List.of(dir.resolve("shipper.conf") + ":1: unknown file option 'format=rfc3164', expected "
                + "multiline=on, multiline=off, format=auto, format=syslog or format=text"), e.problems());
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
