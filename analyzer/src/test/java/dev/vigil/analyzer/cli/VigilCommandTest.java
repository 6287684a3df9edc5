package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VigilCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cmd = VigilCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void shouldListTheCommandsInHelp() {
        int code = execute("--help");

        assertEquals(0, code);
        for (String command : new String[] {"run", "analyze", "tail"}) {
            assertTrue(out.toString().contains("\n  " + command + " "), "help lists " + command + ":\n" + out);
        }
    }

    @Test
    void shouldShowTheDefaultPortInRunHelp() {
        int code = execute("run", "--help");

        assertEquals(0, code);
        assertTrue(out.toString().contains("(default: 9092)"), out.toString());
    }

    @Test
    void shouldRefuseABusyKafkaPortWithOneLineNamingTheOption(@TempDir Path dataDir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();

            int code = execute("run", "--json", "--data-dir", dataDir.toString(), "--kafka-port", String.valueOf(port));

            assertEquals(1, code);
            assertEquals("vigil: error: port " + port + " on 127.0.0.1 is already in use; choose another with "
                    + "--kafka-port, or point Vigil at that cluster with --bootstrap-servers\n", err.toString());
            assertEquals("", out.toString());
        }
    }

    @Test
    void shouldRejectAnUnknownOptionWithUsage() {
        int code = execute("run", "--kafka-prot", "9093");

        assertEquals(2, code);
        assertTrue(err.toString().startsWith("Unknown options: '--kafka-prot', '9093'"), err.toString());
        assertTrue(err.toString().contains("--kafka-port"), "usage or suggestion names the real option");
    }

    @Test
    void shouldReportAnUnreadableKafkaConfigFile(@TempDir Path dir) {
        int code = execute("run", "--data-dir", dir.toString(), "--kafka-config", dir.resolve("missing.properties").toString());

        assertEquals(1, code);
        assertTrue(err.toString().startsWith("vigil: error: cannot read --kafka-config " + dir.resolve("missing.properties")),
                err.toString());
    }

    @Test
    void shouldReportEveryProblemOfTheShipperConfigFileWithItsLineAndNotStart(@TempDir Path dir) throws Exception {
        Path conf = java.nio.file.Files.writeString(dir.resolve("shipper.conf"),
                "hearbeat_interval = 10s\nkmsg.first_start = yesterday\n");

        int code = execute("ship", "--data-dir", dir.toString(), "--config", conf.toString());

        assertEquals(2, code);
        assertEquals("vigil: error: " + conf + ":1: unknown key 'hearbeat_interval'; did you mean 'heartbeat_interval'?\n"
                + "vigil: error: " + conf + ":2: 'kmsg.first_start' needs a duration like 250ms, 10s, 5m, 1h or 1d, "
                + "got 'yesterday'\n", err.toString());
    }

}
