package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A subcommand named first is built alone ({@link VigilCommand#alone}) and reads exactly as under the root. */
class SubcommandAloneTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(CommandLine cmd, String... args) {
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void everySubcommandButHelpAndCompletionShouldBeBuiltAloneWithTheSameUsageAsUnderTheRoot() {
        Map<String, CommandLine> underRoot = VigilCommand.commandLine().getSubcommands();

        for (Map.Entry<String, CommandLine> sub : underRoot.entrySet()) {
            CommandLine alone = VigilCommand.alone(sub.getKey());
            if (sub.getKey().equals("help") || sub.getKey().equals("completion")) {
                assertNull(alone, sub.getKey() + " reads the whole command tree");
                continue;
            }
            assertNotNull(alone, sub.getKey());
            assertSameUsage(sub.getValue(), alone);
        }
    }

    /** The usage of a command and of each of its subcommands, recursively. */
    private static void assertSameUsage(CommandLine underRoot, CommandLine alone) {
        assertEquals(underRoot.getUsageMessage(CommandLine.Help.Ansi.OFF), alone.getUsageMessage(CommandLine.Help.Ansi.OFF));
        assertEquals(underRoot.getSubcommands().keySet(), alone.getSubcommands().keySet(), underRoot.getCommandName());
        underRoot.getSubcommands().forEach((name, sub) -> assertSameUsage(sub, alone.getSubcommands().get(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--formt", "--patterns"})
    void aBadReplayCommandLineShouldGiveTheSameErrorAndCodeAsUnderTheRoot(String option) {
        int rootCode = execute(VigilCommand.commandLine(), "replay", option);
        String rootErr = err.toString();
        err.getBuffer().setLength(0);

        int aloneCode = execute(VigilCommand.alone("replay"), option);

        assertEquals(2, rootCode);
        assertEquals(rootCode, aloneCode);
        assertEquals(rootErr, err.toString());
    }

    @Test
    void aFailingPatternsSubcommandShouldReportAsUnderTheRoot(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.vigil"), "pattern broken {\n  match kernal\n  type t\n  summary \"s\"\n}\n");
        int rootCode = execute(VigilCommand.commandLine(), "patterns", "lint", bad.toString());
        String rootOut = out.toString();
        String rootErr = err.toString();
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        int aloneCode = execute(VigilCommand.alone("patterns"), "lint", bad.toString());

        assertEquals(rootCode, aloneCode);
        assertEquals(rootOut, out.toString());
        assertEquals(rootErr, err.toString());
        assertTrue((rootOut + rootErr).contains("bad.vigil:2:"), rootOut + rootErr);
    }

    @Test
    void theLibraryShouldBeCompiledAheadOnlyForCommandsThatRunPatterns() {
        assertTrue(VigilCommand.loadsPatterns("replay", "--format", "text", "app.log"));
        assertTrue(VigilCommand.loadsPatterns("analyze", "--bootstrap-servers", "kafka:9092"));
        assertTrue(VigilCommand.loadsPatterns("run"));
        assertFalse(VigilCommand.loadsPatterns("replay", "--help"));
        assertFalse(VigilCommand.loadsPatterns("run", "-V"));
        assertFalse(VigilCommand.loadsPatterns("patterns", "lint", "my.vigil"));
        assertFalse(VigilCommand.loadsPatterns("ship"));
        assertFalse(VigilCommand.loadsPatterns());
    }

    @Test
    void shouldShowTheShipUsageUnderItsFullName() {
        int code = execute(VigilCommand.alone("ship"), "--help");

        assertEquals(0, code);
        assertTrue(out.toString().contains("Usage: vigil ship "), out.toString());
        assertTrue(out.toString().contains("--bootstrap-servers"), out.toString());
    }

    @Test
    void shouldReportConfigProblemsAsVigilShipDoes(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("shipper.conf"), "hearbeat_interval = 10s\n");

        int code = execute(VigilCommand.alone("ship"), "--data-dir", dir.toString(), "--config", conf.toString());

        assertEquals(2, code);
        assertEquals("vigil: error: " + conf + ":1: unknown key 'hearbeat_interval'; did you mean 'heartbeat_interval'?\n",
                err.toString());
    }

    @Test
    void shouldReportAFailureAsOneLineAndExitCodeOne(@TempDir Path dir) {
        int code = execute(VigilCommand.alone("ship"), "--data-dir", dir.toString(), "--kafka-config",
                dir.resolve("missing.properties").toString());

        assertEquals(1, code);
        assertTrue(err.toString().startsWith("vigil: error: cannot read --kafka-config " + dir.resolve("missing.properties")),
                err.toString());
    }
}
