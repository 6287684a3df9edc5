package dev.vigil.analyzer.faults;

import dev.vigil.analyzer.cli.VigilCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code vigil analyze} in a JVM of its own, so a test can kill it with SIGKILL: no shutdown hook,
 * no flush, no checkpoint, as a crash or the OOM killer would leave it. By default a quick-starting
 * test process (the test classpath, C1 only); {@link Builder#asLauncherRuns} makes it the
 * {@code java -jar vigil.jar analyze} a user runs, with the launcher's JVM options, so that two of
 * them share the cores as two deployed instances would.
 */
public final class AnalyzerProcess {
    private static final String READY = "vigil: analyzer running";
    /** Small and quick to start: a fault test starts many and measures none. */
    private static final List<String> TEST_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final Path out;
    private final long readyMarks;
    private final String name;

    private AnalyzerProcess(Process process, Path out, long readyMarks, String name) {
        this.process = process;
        this.out = out;
        this.readyMarks = readyMarks;
        this.name = name;
    }

    /**
     * Starts {@code vigil analyze} on {@code bootstrap} with its state in {@code stateDir}; its output
     * is appended to {@code dir/analyzer.out}.
     */
    public static AnalyzerProcess start(Path dir, String bootstrap, Path stateDir, String applicationId) throws IOException {
        return builder(bootstrap, applicationId).dataDir(dir.resolve("data")).stateDir(stateDir)
                .output(dir.resolve("analyzer.out")).start();
    }

    /** A process of {@code applicationId} on {@code bootstrap}, to be given its folders. */
    public static Builder builder(String bootstrap, String applicationId) {
        return new Builder(bootstrap, applicationId);
    }

    /** Waits until this process says it runs (its partitions assigned, its state restored). */
    public void awaitRunning(Duration timeout) throws IOException {
        try {
            Awaitility.await(name + " to run").atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> readyMarks(out) > readyMarks || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " did not say it runs within " + timeout + "; its output (whole in " + out
                    + ") ends:\n" + outputTail(), e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its output (whole in " + out
                    + ") ends:\n" + outputTail());
        }
    }

    /** The last lines the process printed: the temp folder holding them is gone once the test fails. */
    private String outputTail() throws IOException {
        List<String> lines = Files.exists(out) ? Files.readAllLines(out, StandardCharsets.ISO_8859_1) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void killNine() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die");
        }
    }

    /** SIGTERM (a clean stop, as Ctrl-C or a service manager), SIGKILL after a minute; waits for the process to be gone. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            killNine();
        }
    }

    /** Waits up to {@code timeout} for the process to end by itself; its exit code, or empty while it runs. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** The process's peak resident memory so far in MiB (VmHWM), or -1 once it is gone. */
    public long peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** What the process (and those before it in the same folder) printed. */
    public String output() throws IOException {
        return Files.readString(out, StandardCharsets.ISO_8859_1);
    }

    private static long readyMarks(Path out) throws IOException {
        if (!Files.exists(out)) {
            return 0;
        }
        try (var lines = Files.lines(out, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(READY)).count();
        }
    }

    /** How to start one {@link AnalyzerProcess}: its folders, its output file, and which JVM runs it. */
    public static final class Builder {
        private final String bootstrap;
        private final String applicationId;
        private Path dataDir;
        private Path stateDir;
        private Path output;
        private String name = "the analyzer process";
        private List<String> jvm = TEST_JVM;
        private List<String> program = List.of("-cp", System.getProperty("java.class.path"), VigilCommand.class.getName());
        private Path flightRecording;

        private Builder(String bootstrap, String applicationId) {
            this.bootstrap = bootstrap;
            this.applicationId = applicationId;
        }

        /** Where the process keeps its data (spill, metrics). */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Where Kafka Streams keeps the process's state stores. */
        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        /** The file the process's output is appended to (those of earlier processes stay before it). */
        public Builder output(Path file) {
            this.output = file;
            return this;
        }

        /** What messages call the process, e.g. its instance name. */
        public Builder named(String name) {
            this.name = name;
            return this;
        }

        /** {@code java -jar vigil.jar analyze} with the JVM options the launcher ({@code ./vigil} in {@code repo}) gives it. */
        public Builder asLauncherRuns(Path repo) throws IOException {
            this.jvm = LauncherOptions.of(repo, "analyze");
            this.program = List.of("-jar", repo.resolve("analyzer/target/vigil.jar").toString());
            return this;
        }

        /** A flight recording (JFR, profile settings) into {@code file} until the process stops. */
        public Builder flightRecording(Path file) {
            this.flightRecording = file;
            return this;
        }

        /** Starts the process; it runs when {@link #awaitRunning} returns. */
        public AnalyzerProcess start() throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvm);
            if (flightRecording != null) {
                cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + flightRecording);
            }
            cmd.addAll(program);
            cmd.addAll(List.of("analyze", "--bootstrap-servers", bootstrap, "--data-dir", dataDir.toString(),
                    "--state-dir", stateDir.toString(), "--application-id", applicationId));
            long marks = readyMarks(output);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            return new AnalyzerProcess(p, output, marks, name);
        }
    }
}
