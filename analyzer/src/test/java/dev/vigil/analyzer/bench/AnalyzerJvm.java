package dev.vigil.analyzer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * {@code java -jar vigil.jar analyze} as a user runs it, one process per instance, with the
 * launcher's JVM options (C2, unlike the fault suite's quick-starting C1-only test processes), so
 * that two of them share the cores as two deployed instances would, and one can be killed with SIGKILL.
 */
final class AnalyzerJvm {
    private static final String READY = "vigil: analyzer running";

    private final Process process;
    private final Path out;
    private final String name;

    private AnalyzerJvm(Process process, Path out, String name) {
        this.process = process;
        this.out = out;
        this.name = name;
    }

    /**
     * Starts an instance of {@code applicationId} with its own data and state under {@code dir/name};
     * with {@code jfr}, it records a flight recording there until it stops.
     */
    static AnalyzerJvm start(Path jar, Path dir, String name, String bootstrap, String applicationId, Path jfr)
            throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path out = home.resolve("analyzer.out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                // C2 with little inlining, as the launcher (./vigil) runs analyze
                "-XX:MaxInlineLevel=3", "-XX:InlineSmallCode=500", "-XX:FreqInlineSize=50"));
        if (jfr != null) {
            cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        cmd.addAll(List.of("-jar", jar.toString(), "analyze", "--bootstrap-servers", bootstrap,
                "--data-dir", home.resolve("data").toString(), "--state-dir", home.resolve("state").toString(),
                "--application-id", applicationId));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return new AnalyzerJvm(p, out, name);
    }

    /** Waits until the instance says it runs. */
    void awaitRunning(Duration timeout) {
        Awaitility.await(name + " to run").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> output().contains(READY) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + out);
        }
    }

    /** SIGKILL: no shutdown hook, no commit, no checkpoint. */
    void killNine() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it; SIGKILL after a minute. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            killNine();
        }
    }

    private String output() throws IOException {
        return Files.exists(out) ? Files.readString(out, StandardCharsets.ISO_8859_1) : "";
    }
}
