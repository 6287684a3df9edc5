package dev.vigil.analyzer.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM options the launcher ({@code ./vigil}) gives a command, read from the launcher itself
 * ({@code VIGIL_PRINT_COMMAND=1} prints the java command instead of running it), so that what runs
 * the analyzer as a user would keeps one source of truth. Class-data sharing is left out: its archive
 * is the launcher's to write (instances started at once would all write its class list), and it
 * changes only the start.
 */
final class LauncherOptions {
    private LauncherOptions() {}

    /** The options {@code ./vigil command} runs java with, by default (VIGIL_JAVA_OPTS unset). */
    static List<String> of(Path repo, String command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("vigil").toString(), command, "--help").redirectErrorStream(true);
        pb.environment().put("VIGIL_PRINT_COMMAND", "1");
        pb.environment().remove("VIGIL_JAVA_OPTS");
        Process p = pb.start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("./vigil did not print its java command: " + printed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ./vigil printed its java command", e);
        }
        return parse(printed.lines().reduce((first, last) -> last).orElse(""));
    }

    /**
     * The options between {@code java} (or, with JAVA_HOME set, {@code $JAVA_HOME/bin/java}) and
     * {@code -jar} of a printed command, class-data sharing left out.
     */
    static List<String> parse(String command) throws IOException {
        List<String> words = Arrays.asList(command.split(" +"));
        int jar = words.indexOf("-jar");
        if (words.isEmpty() || !(words.get(0).equals("java") || words.get(0).endsWith("/java")) || jar < 0) {
            throw new IOException("not a java -jar command: '" + command + "'");
        }
        return words.subList(1, jar).stream().filter(o -> !isClassDataSharing(o)).toList();
    }

    private static boolean isClassDataSharing(String option) {
        return option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-XX:DumpLoadedClassList=")
                || option.equals("-Xlog:cds=off");
    }
}
