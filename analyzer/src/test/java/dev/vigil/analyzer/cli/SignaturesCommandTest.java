package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SignaturesCommandTest {

    /** Seed 002's assigner log: three errors that repeat with other names and numbers. */
    private static final String ASSIGNER_LOG = String.join("\n",
            "2026-02-08 09:04:45 ERROR Failed to get environment info: Expecting value: line 1 column 1 (char 0)",
            "2026-02-08 09:04:45 ERROR Failed to create environment: ValueError: Environment 'reading-ui-improvement' already exists",
            "2026-02-08 09:37:12 ERROR Failed to create environment: RuntimeError: No available ports for new environment",
            "2026-02-08 09:48:59 ERROR Failed to create environment: RuntimeError: No available ports for new environment",
            "2026-02-08 10:05:22 ERROR Failed to create environment: ValueError: Environment 'math-ui-improvement' already exists",
            "2026-02-08 10:05:25 ERROR Failed to create environment: RuntimeError: No available ports for new environment",
            "");

    private static final String CREATE_EXISTS = "Failed to create environment: ValueError: Environment <*> already exists";
    private static final String NO_PORTS = "Failed to create environment: RuntimeError: No available ports for new environment";
    private static final String INFO = "Failed to get environment info: Expecting value: line <*> column <*> (char <*>)";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        SignaturesCommand command = new SignaturesCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTemplatesMostFrequentFirstWithCountsAndIds() throws IOException {
        int exit = run("", write("assigner.log", ASSIGNER_LOG).toString());
        assertEquals(0, exit);
        assertEquals(String.format("%7d  %s  %s%n%7d  %s  %s%n%7d  %s  %s%n",
                3, "aa8fc40d6708d788", NO_PORTS,
                2, "a22a7905e10258c6", CREATE_EXISTS,
                1, "6522e013536e6277", INFO), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void shouldPrintOneIdAndTemplatePerInputLineInOrderWithLines() {
        int exit = run(ASSIGNER_LOG, "--lines", "-");
        assertEquals(0, exit);
        assertEquals(String.join("\n",
                "6522e013536e6277\t" + INFO,
                "a22a7905e10258c6\t" + CREATE_EXISTS,
                "aa8fc40d6708d788\t" + NO_PORTS,
                "aa8fc40d6708d788\t" + NO_PORTS,
                "a22a7905e10258c6\t" + CREATE_EXISTS,
                "aa8fc40d6708d788\t" + NO_PORTS,
                ""), out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void shouldGiveLinesMinedBeforeAGeneralisationTheFinalId() {
        int exit = run("Invalid user admin from 1.2.3.4\nInvalid user oracle from 1.2.3.5\nInvalid user guest from 1.2.3.6\n",
                "--raw", "--lines", "-");
        assertEquals(0, exit);
        String line = "b9c21b91de3fc530\tInvalid user <*> from <*>\n";
        assertEquals(line + line + line, out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void shouldKeepTheHeaderWithRaw() {
        int exit = run("2026-02-08 09:04:45 ERROR worker died\n", "--raw", "--lines", "-");
        assertEquals(0, exit);
        assertEquals("b42896eb84d9d919\t<*> ERROR worker died\n", out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void shouldCutTheMessageOutWithAGivenFormat() {
        int exit = run("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_42 terminating\n",
                "--format", "<Date> <Time> <Pid> <Level> <Component>: <Content>", "--lines", "-");
        assertEquals(0, exit);
        assertEquals("e9f193f190b47237\tPacketResponder <*> for block <*> terminating\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void shouldMineAGzipFileAsItsText() throws IOException {
        Path gz = dir.resolve("assigner.log.2.gz");
        try (var zip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            zip.write(ASSIGNER_LOG.getBytes(StandardCharsets.UTF_8));
        }
        run("", write("assigner.log", ASSIGNER_LOG).toString());
        String plain = out.toString();
        out.getBuffer().setLength(0);

        assertEquals(0, run("", gz.toString()), err.toString());
        assertEquals(plain, out.toString());
    }

    @Test
    void shouldRefuseAFolderAndAnotherCompressionSayingWhatToDo() throws IOException {
        Path xz = Files.write(dir.resolve("app.log.xz"), new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0});

        assertEquals(2, run("", dir.toString()));
        assertEquals(2, run("", xz.toString()));

        assertEquals(String.format("vigil signatures: cannot read %s: it is a folder%n"
                + "vigil signatures: cannot read %s: compressed with xz (xz -dc %s | vigil signatures -)%n", dir, xz, xz), err.toString());
    }

    @Test
    void shouldFailWithOneLineAndExitCode2WhenAFileIsMissing() {
        Path missing = dir.resolve("nope.log");
        int exit = run("", missing.toString());
        assertEquals(2, exit);
        assertEquals("vigil signatures: cannot read " + missing + ": no such file" + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void shouldMineTheReadableFilesWhenOthersAreRefusedAndExitWithTwo() throws IOException {
        Path missing = dir.resolve("nope.log");
        Path log = write("assigner.log", ASSIGNER_LOG);

        int exit = run("", missing.toString(), log.toString());

        assertEquals(2, exit, "a file was not read");
        assertEquals(String.format("%7d  %s  %s%n%7d  %s  %s%n%7d  %s  %s%n",
                3, "aa8fc40d6708d788", NO_PORTS,
                2, "a22a7905e10258c6", CREATE_EXISTS,
                1, "6522e013536e6277", INFO), out.toString(), "the readable file's templates, as when it is mined alone");
        assertEquals("vigil signatures: cannot read " + missing + ": no such file" + System.lineSeparator(), err.toString());
    }

    @Test
    void shouldRefuseRawTogetherWithFormat() {
        int exit = run("", "--raw", "--format", "<Level> <Content>", "-");
        assertEquals(2, exit);
        assertEquals("vigil signatures: --raw and --format exclude each other: --raw takes the whole line "
                + "as the message, --format cuts it out of the line" + System.lineSeparator(), err.toString());
    }
}
