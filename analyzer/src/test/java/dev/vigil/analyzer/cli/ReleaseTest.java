package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a release carries: the POM's version in --version, and shell completion for every command. */
class ReleaseTest {
    @Test
    void versionShouldBeThePomVersion() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher m = Pattern.compile("<artifactId>vigil-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the parent POM's version");

        StringWriter out = new StringWriter();
        var cmd = VigilCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        assertEquals(0, cmd.execute("--version"));

        assertEquals("vigil " + m.group(1), out.toString().lines().findFirst().orElseThrow());
    }

    @Test
    void completionShouldCoverEveryCommandAndItsOptions() {
        StringWriter out = new StringWriter();
        var cmd = VigilCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));

        assertEquals(0, cmd.execute("completion"));

        String script = out.toString();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 80));
        assertTrue(script.contains("complete -F _complete_vigil"), "registers the completion function");
        for (String command : new String[] {"run", "ship", "analyze", "alertmanager", "webhook", "tail", "demo"}) {
            assertTrue(script.contains("function _picocli_vigil_" + command + "()"), "completes " + command);
        }
        assertTrue(script.contains("--resend-interval"), "completes the options of a command");
    }
}
