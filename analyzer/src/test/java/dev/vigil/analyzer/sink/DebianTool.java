package dev.vigil.analyzer.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program from a Debian package that a test runs for real (Alertmanager, promtool,
 * docker-compose): found on the PATH, else installed with apt-get when the test may, else absent
 * so the test is skipped with a message that says why.
 */
public final class DebianTool {
    private DebianTool() {}

    /** The program {@code binary}, installing {@code debianPackage} when missing; empty when it cannot be had. */
    public static synchronized Optional<Path> find(String binary, String debianPackage) {
        Optional<Path> found = onPath(binary);
        if (found.isPresent()) {
            return found;
        }
        if (onPath("apt-get").isEmpty()) {
            return Optional.empty();
        }
        // apt-get update first: a fresh container has no package lists
        if (run(List.of("apt-get", "update", "-q")) && run(List.of("apt-get", "install", "-y", "-q", debianPackage))) {
            return onPath(binary);
        }
        return Optional.empty();
    }

    /** The message a test skipped for want of {@code binary} shows. */
    public static String missing(String binary, String debianPackage) {
        return binary + " is not installed and 'apt-get install -y " + debianPackage
                + "' did not provide it (no apt-get, no root or no network): test skipped";
    }

    private static Optional<Path> onPath(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, binary);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
