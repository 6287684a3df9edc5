package dev.vigil.analyzer.cli;

import dev.vigil.shippers.file.FileSelection;
import dev.vigil.shippers.filter.DropRule;
import dev.vigil.shippers.filter.RateLimit;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.shippers.ShipperConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil ship}: a flag wins over the environment, and the environment over the config file. */
class ShipCommandPrecedenceTest {
    @TempDir
    Path dir;

    @Test
    void shouldTakeFlagsOverEnvironmentOverTheConfigFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("shipper.conf"), String.join("\n",
                "host = file-host",
                "bootstrap_servers = file-kafka:9092",
                "state_dir = " + dir.resolve("file-state"),
                "journald.enabled = false",
                "heartbeat_interval = 7s",
                ""));
        Map<String, String> env = Map.of("VIGIL_BOOTSTRAP_SERVERS", "env-kafka:9092", "VIGIL_HOST", "env-host");

        ShipperConfig config = resolve(env, "--config", conf.toString(), "--host", "flag-host", "--no-kmsg");

        assertEquals("flag-host", config.host(), "flag over environment and file");
        assertEquals("env-kafka:9092", config.bootstrapServers(), "environment over file");
        assertEquals(dir.resolve("file-state"), config.stateDir(), "file over built-in default");
        assertFalse(config.journald().enabled(), "file over built-in default");
        assertFalse(config.kmsg().enabled(), "flag");
        assertEquals(Duration.ofSeconds(7), config.heartbeatInterval(), "a key with no flag comes from the file");
    }

    @Test
    void shouldUseTheFileWhereNoFlagOrVariableIsGiven() throws Exception {
        Path conf = Files.writeString(dir.resolve("shipper.conf"), "host = file-host\nbootstrap_servers = file-kafka:9092\n");

        ShipperConfig config = resolve(Map.of(), "--config", conf.toString());

        assertEquals("file-host", config.host());
        assertEquals("file-kafka:9092", config.bootstrapServers());
        assertTrue(config.journald().enabled());
    }

    @Test
    void shouldTakeFilterAndSelectionFlagsOverEnvironmentOverTheConfigFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("shipper.conf"), String.join("\n",
                "drop = regex=healthz",
                "rate_limit = 10/1s",
                "journald.units = nginx.service",
                "journald.max_priority = info",
                "file = /var/log/app/*.log",
                "file.exclude = /var/log/app/*.gz",
                "file.max_open_files = 50",
                ""));
        Map<String, String> env = Map.of("VIGIL_RATE_LIMIT", "100/1s burst=500", "VIGIL_JOURNAL_PRIORITY", "warning");

        ShipperConfig config = resolve(env, "--config", conf.toString(), "--drop", "source=kernel level=debug",
                "--ignore-older", "2d");

        assertEquals(List.of("source=kernel level=debug"), config.filter().drops().stream().map(DropRule::text).toList(),
                "flag over file");
        assertEquals(new RateLimit(100, Duration.ofSeconds(1), 500), config.filter().rateLimit(), "environment over file");
        assertEquals(List.of("nginx.service"), config.journald().filter().units(), "file where no flag is given");
        assertEquals(4, config.journald().filter().maxPriority(), "environment over file");
        assertEquals(new FileSelection(List.of("/var/log/app/*.gz"), Duration.ofDays(2), 50), config.files().selection());
    }

    private static ShipperConfig resolve(Map<String, String> env, String... args) throws Exception {
        ShipCommand ship = new ShipCommand(env::get);
        CommandLine cmd = new CommandLine(ship);
        cmd.setDefaultValueProvider(new EnvironmentDefaults(env::get));
        cmd.parseArgs(args);
        return ship.resolveConfig();
    }
}
