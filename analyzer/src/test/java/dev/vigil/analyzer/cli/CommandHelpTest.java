package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each command's help offers the options it uses, described for what that command does with them. */
class CommandHelpTest {
    private static String help(String... command) {
        CommandLine cmd = VigilCommand.commandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        String[] args = new String[command.length + 1];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--help";
        assertEquals(0, cmd.execute(args));
        return out.toString();
    }

    /** The help with its line wrapping undone, for phrases. */
    private static String flat(String help) {
        return help.replaceAll("\\s+", " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ship", "analyze", "tail", "demo", "patterns push", "alertmanager", "webhook"})
    void commandsThatStartNoBrokerShouldNotSayTheyStartOne(String command) {
        String help = help(command.split(" "));

        assertFalse(flat(help).contains("instead of starting"), help);
        assertFalse(flat(help).contains("embedded broker"), help);
        assertTrue(help.contains("--bootstrap-servers"), help);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ship", "analyze", "alertmanager", "webhook"})
    void commandsThatPrintNoIncidentsShouldNotOfferJson(String command) {
        assertFalse(help(command).contains("--json"), help(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "ship", "analyze", "tail", "alertmanager", "webhook"})
    void longRunningCommandsShouldOfferTheLogFormat(String command) {
        String help = help(command);

        assertTrue(help.contains("--log-format=FORMAT"), help);
        assertTrue(flat(help).contains("text, json"), help);
    }

    @Test
    void runShouldSayWhereTheControllerListens() {
        assertTrue(flat(help("run")).contains("its controller listens 10000 above"), help("run"));
    }

    @Test
    void theWebhookSecretShouldNeverBeACommandLineValue() {
        String help = help("webhook");

        assertTrue(help.contains("--secret-file=FILE"), help);
        assertTrue(help.contains("VIGIL_WEBHOOK_SECRET"), help);
        for (String line : help.lines().toList()) {
            assertFalse(line.matches("\\s*--secret[= ].*"), "no --secret VALUE option: " + line);
        }
        assertTrue(List.of(help.split("\n")).stream().anyMatch(l -> l.contains("--max-tries")), help);
    }
}
