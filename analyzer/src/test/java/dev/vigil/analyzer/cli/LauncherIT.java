package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./vigil} launcher as a host installs it: through a link on the PATH. */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LauncherIT {
    /** The repository's launcher; Maven runs the analyzer's tests in its module folder. */
    private static final Path LAUNCHER = Path.of("..", "vigil").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "vigil.jar").toAbsolutePath();

    @TempDir
    Path bin;

    @Test
    void shouldRunTheBuiltJarWhenCalledThroughASymbolicLink() throws Exception {
        // the shipper's systemd unit runs /usr/local/bin/vigil, a link to the launcher: the launcher
        // looked for its jar beside the link and tried to build Vigil in /usr/local/bin
        assumeTrue(Files.isExecutable(LAUNCHER) && Files.isRegularFile(JAR),
                "needs the launcher at " + LAUNCHER + " and the packaged jar at " + JAR + " (mvn verify)");
        Path link = Files.createSymbolicLink(bin.resolve("vigil"), LAUNCHER);

        Result result = run(link.toString(), "--version");

        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().startsWith("vigil "), result.output());
        assertTrue(Files.list(bin).toList().equals(java.util.List.of(link)), "nothing written beside the link");
    }

    @Test
    void shouldReplayFromTheClassDataArchiveItMadeExactlyAsWithout() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER) && Files.isRegularFile(JAR),
                "needs the launcher at " + LAUNCHER + " and the packaged jar at " + JAR + " (mvn verify)");
        Path archive = JAR.resolveSibling("vigil-replay.jsa");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(JAR.resolveSibling("vigil-replay.classes"));
        Path syslog = Files.copy(Path.of("src/test/resources/replay/syslog/crash-loop-and-oom.syslog"), bin.resolve("syslog"));
        Files.setLastModifiedTime(syslog, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
        String[] replay = {LAUNCHER.toString(), "replay", "--zone", "Europe/Berlin", syslog.toString()};

        Result listing = run(replay); // lists the classes it loads
        Result mapping = run(replay); // maps them into the archive first
        Result mapped = run(replay);

        assertEquals(0, listing.exit(), listing.output());
        assertTrue(listing.output().endsWith("vigil: replayed 30 events from 1 file(s): 5 incident(s)\n"), listing.output());
        assertTrue(Files.isRegularFile(archive), "the second replay made " + archive);
        assertEquals(listing, mapping);
        assertEquals(listing, mapped);
    }

    @Test
    void shouldReplayLessThan32MiBOfFilesOnC1AloneAndMoreOrAPipeOrGzipWithC2() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER) && Files.isRegularFile(JAR),
                "needs the launcher at " + LAUNCHER + " and the packaged jar at " + JAR + " (mvn verify)");
        Path small = Files.writeString(bin.resolve("small.log"), "2026-11-20 00:00:00 INFO started\n");
        Path large = bin.resolve("large.log");
        try (RandomAccessFile f = new RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(32L * 1024 * 1024); // sparse: only its size is read
        }
        Path fifo = bin.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");

        String c1 = "-XX:TieredStopAtLevel=1";
        assertTrue(command(LAUNCHER.toString(), "replay", small.toString()).contains(c1));
        assertTrue(command(LAUNCHER.toString(), "replay", "--host", "web-1", small.toString(), small.toString()).contains(c1));
        assertFalse(command(LAUNCHER.toString(), "replay", large.toString()).contains(c1), "32 MiB: C2");
        assertFalse(command(LAUNCHER.toString(), "replay", small.toString(), large.toString()).contains(c1), "sizes add up");
        assertFalse(command(LAUNCHER.toString(), "replay", fifo.toString()).contains(c1), "a pipe's size is unknown");
        assertFalse(command(LAUNCHER.toString(), "replay", "-").contains(c1), "so is standard input's");
        Path gz = bin.resolve("small.log.1");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(small));
        }
        assertFalse(command(LAUNCHER.toString(), "replay", gz.toString()).contains(c1), "and a gzip file's text");
        assertFalse(command(LAUNCHER.toString(), "analyze").contains(c1), "the live analyzer runs long");
    }

    @Test
    void shouldRunTheJavaOfJavaHomeWhenItIsSetAndSayWhenItHasNone() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER) && Files.isRegularFile(JAR),
                "needs the launcher at " + LAUNCHER + " and the packaged jar at " + JAR + " (mvn verify)");
        Path home = Path.of(System.getProperty("java.home"));

        String printed = command(Map.of("JAVA_HOME", home.toString()), LAUNCHER.toString(), "replay", "-");
        Result ran = run(Map.of("JAVA_HOME", home.toString()), LAUNCHER.toString(), "--version");
        Result none = run(Map.of("JAVA_HOME", bin.toString()), LAUNCHER.toString(), "--version");

        assertTrue(printed.startsWith(home.resolve("bin/java") + " "), printed);
        assertEquals(0, ran.exit(), ran.output());
        assertTrue(ran.output().startsWith("vigil "), ran.output());
        assertEquals(1, none.exit(), none.output());
        assertEquals("vigil: JAVA_HOME is set to '" + bin + "', which has no bin/java: point it at Java 17 or newer,"
                + " or unset it to use the 'java' on PATH\n", none.output());
    }

    private record Result(int exit, String output) {}

    /** The Java command line the launcher would run for {@code command}. */
    private String command(String... command) throws IOException, InterruptedException {
        String output = command(Map.of(), command);
        assertTrue(output.startsWith("java "), "the java on PATH: " + output);
        return output;
    }

    /** As {@link #command(String...)}, with {@code env} set (JAVA_HOME unset unless given). */
    private String command(Map<String, String> env, String... command) throws IOException, InterruptedException {
        Map<String, String> printing = new java.util.HashMap<>(env);
        printing.put("VIGIL_PRINT_COMMAND", "1");
        Result r = run(printing, command);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains(" -jar " + JAR + " "), r.output());
        return r.output();
    }

    private Result run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    /** Runs the launcher without VIGIL_JAVA_OPTS, and without JAVA_HOME unless {@code env} sets it. */
    private Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("VIGIL_JAVA_OPTS");
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher still running: " + output);
        return new Result(p.exitValue(), output);
    }
}
