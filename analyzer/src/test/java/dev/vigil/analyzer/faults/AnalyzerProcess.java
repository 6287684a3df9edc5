package dev.vigil.analyzer.faults;

import dev.vigil.analyzer.cli.VigilCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * {@code vigil analyze} in a JVM of its own, so a test can kill it with SIGKILL: no shutdown hook,
 * no flush, no checkpoint, as a crash or the OOM killer would leave it.
 */
public final class AnalyzerProcess {
    private static final String READY = "vigil: analyzer running";

    private final Process process;
    private final Path out;
    private final long readyMarks;

    private AnalyzerProcess(Process process, Path out, long readyMarks) {
        this.process = process;
        this.out = out;
        this.readyMarks = readyMarks;
    }

    /**
     * Starts {@code vigil analyze} on {@code bootstrap} with its state in {@code stateDir}; its output
     * is appended to {@code dir/analyzer.out}.
     */
    public static AnalyzerProcess start(Path dir, String bootstrap, Path stateDir, String applicationId) throws IOException {
        Path out = dir.resolve("analyzer.out");
        long marks = readyMarks(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), VigilCommand.class.getName(), "analyze",
                "--bootstrap-servers", bootstrap, "--data-dir", dir.resolve("data").toString(),
                "--state-dir", stateDir.toString(), "--application-id", applicationId)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .start();
        return new AnalyzerProcess(p, out, marks);
    }

    /** Waits until this process says it runs (its partitions assigned, its state restored). */
    public void awaitRunning(Duration timeout) throws IOException {
        try {
            Awaitility.await("the analyzer process to run").atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> readyMarks(out) > readyMarks || !process.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("the analyzer process did not say it runs within " + timeout
                    + "; its output ends:\n" + outputTail(), e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the analyzer process exited with " + process.exitValue()
                    + "; its output ends:\n" + outputTail());
        }
    }

    /** The last lines the process printed: the temp folder holding them is gone once the test fails. */
    private String outputTail() throws IOException {
        List<String> lines = Files.exists(out) ? Files.readAllLines(out, java.nio.charset.StandardCharsets.ISO_8859_1) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void killNine() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the analyzer process did not die");
        }
    }

    /** SIGTERM (a clean stop, as Ctrl-C), and waits for the process to be gone. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            killNine();
        }
    }

    /** Waits up to {@code timeout} for the process to end by itself; its exit code, or empty while it runs. */
    public java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** What the process (and those before it in the same folder) printed. */
    public String output() throws IOException {
        return Files.readString(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static long readyMarks(Path out) throws IOException {
        if (!Files.exists(out)) {
            return 0;
        }
        try (var lines = Files.lines(out, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(READY)).count();
        }
    }
}
