package dev.vigil.analyzer.cli;

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

    private static ShipperConfig resolve(Map<String, String> env, String... args) throws Exception {
        ShipCommand ship = new ShipCommand(env::get);
        CommandLine cmd = new CommandLine(ship);
        cmd.setDefaultValueProvider(new EnvironmentDefaults(env::get));
        cmd.parseArgs(args);
        return ship.resolveConfig();
    }
}
