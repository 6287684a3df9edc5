package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code patterns push} refuses with every reason printed, and tests what {@code patterns test} tests. */
class PatternsPushCommandTest {
    /** Seed 002, appendix A: the assigner worker's error (also a fixture of the library's app.vigil). */
    static final String SEED_002_LINE =
            "2026-02-08 09:37:12 ERROR Failed to create environment: RuntimeError: No available ports for new environment\n";

    /** A pattern on that line whose test reads the line from a file beside it. */
    static String envPorts(String expectedSubject) {
        return """
                pattern env_ports {
                  match file where message contains "No available ports for new environment"
                  group by file
                  type env_ports
                  severity warning
                  subject "{file}"
                  summary "{file}: no ports left for new environments"
                  test "the seed's line from its log" {
                    at 0s file file="/tmp/architect_assigner_worker.log" lines from "seed-002.log" every 1s
                    expect env_ports subject "%s"
                  }
                }
                """.formatted(expectedSubject);
    }

    @TempDir
    Path dir;

    /** Like picocli's own stdout writer: an encoder that holds what is not flushed. */
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    private int run(CommandLine command, String... args) {
        return command.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintEveryErrorOfAFileItRefuses() throws IOException {
        Path broken = write("broken.vigil", "pattern broken {\n  match file where mesage contains \"x\"\n  type t\n  summary \"s\"\n}\n");

        int exit = run(new CommandLine(new PatternsPushCommand()), broken.toString());

        assertEquals(1, exit);
        assertTrue(out().contains("broken.vigil:2:20: error[unknown-field]: unknown field 'mesage'"), out());
        assertEquals("vigil: error: refused: the pattern files have errors (above); nothing was published\n", err.toString());
    }

    @Test
    void shouldPrintTheTestThatFailedWhenItRefuses() throws IOException {
        write("seed-002.log", SEED_002_LINE);
        Path file = write("env.vigil", envPorts("/tmp/some_other_worker.log"));

        int exit = run(new CommandLine(new PatternsPushCommand()), file.toString());

        assertEquals(1, exit);
        assertTrue(out().contains("env_ports (" + file + ")"), out());
        assertTrue(out().contains("FAIL " + file + ":8 the seed's line from its log\n"
                + "    line 10: missing   expect env_ports subject \"/tmp/some_other_worker.log\"\n"), out());
        assertTrue(out().endsWith("1 failed\n"), out());
        assertEquals("vigil: error: refused: 1 test(s) failed (above); nothing was published\n", err.toString());
    }

    @Test
    void shouldPassTheLibraryTestsThatReadFixtureFilesAsPushRunsThem() throws IOException {
        // push tests what `patterns test --library` tests: the library's own tests read their fixture files
        write("seed-002.log", SEED_002_LINE);
        Path file = write("env.vigil", envPorts("/tmp/architect_assigner_worker.log"));

        int exit = run(new CommandLine(new PatternsTestCommand()), "--library", file.toString());

        assertEquals(0, exit, out());
        assertTrue(out().contains("PASS the same lines from the seed's appendix file, 10 minutes apart"), out());
        assertTrue(out().contains("PASS the seed's line from its log"), out());
    }

    @Test
    void shouldRefuseToWithdrawSomethingThatIsNotAPublishedFileName() {
        int exit = run(new CommandLine(new PatternsWithdrawCommand()), "--bootstrap-servers", "127.0.0.1:1", "patterns/disk.vigil");

        assertEquals(2, exit);
        assertTrue(err.toString().startsWith("vigil: error: 'patterns/disk.vigil' is not a published file name"), err.toString());
    }

    @Test
    void shouldRefuseAFileNamedLikeALibraryFileUnlessAskedToReplaceIt() throws Exception {
        // an empty kernel.vigil would switch off OOM-kill detection on every analyzer
        Path kernel = write("kernel.vigil", "");

        int exit = run(new CommandLine(new PatternsPushCommand()), "--bootstrap-servers", "127.0.0.1:1", kernel.toString());

        assertEquals(1, exit);
        assertEquals("vigil: error: refused: kernel.vigil would replace the standard library's file of that name and its "
                + "detections; rename the file, or pass --replace-library to replace it; nothing was published\n",
                err.toString());
    }
}
