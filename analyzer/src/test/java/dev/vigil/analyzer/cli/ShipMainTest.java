package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ShipMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cmd = ShipMain.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void shouldShowTheShipUsageUnderItsFullName() {
        int code = execute("--help");

        assertEquals(0, code);
        assertTrue(out.toString().contains("Usage: vigil ship "), out.toString());
        assertTrue(out.toString().contains("--bootstrap-servers"), out.toString());
    }

    @Test
    void shouldReportConfigProblemsAsVigilShipDoes(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("shipper.conf"), "hearbeat_interval = 10s\n");

        int code = execute("--data-dir", dir.toString(), "--config", conf.toString());

        assertEquals(2, code);
        assertEquals("vigil: error: " + conf + ":1: unknown key 'hearbeat_interval'; did you mean 'heartbeat_interval'?\n",
                err.toString());
    }

    @Test
    void shouldReportAFailureAsOneLineAndExitCodeOne(@TempDir Path dir) {
        int code = execute("--data-dir", dir.toString(), "--kafka-config", dir.resolve("missing.properties").toString());

        assertEquals(1, code);
        assertTrue(err.toString().startsWith("vigil: error: cannot read --kafka-config " + dir.resolve("missing.properties")),
                err.toString());
    }
}
