package dev.vigil.analyzer.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A host with rsyslog and a volatile journal: {@code vigil run --file /var/log/syslog} tails the
 * syslog file through the real broker, and the analyzer finds the crash loop and the OOM kills in it.
 */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SyslogFileIT {
    /** Real lines with repetition around them; sources in src/test/resources/replay/syslog/SOURCES. */
    private static final Path FIXTURE = Path.of("src/test/resources/replay/syslog/crash-loop-and-oom.syslog");

    @TempDir Path dir;

    @Test
    void shouldFindTheCrashLoopAndTheOomKillsOfATailedSyslogFile() throws Exception {
        List<String> lines = Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
        Path syslog = dir.resolve("syslog");
        Files.writeString(syslog, String.join("\n", lines.subList(0, 10)) + "\n");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RunCommand command = new RunCommand(() -> false);
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute("--json",
                "--data-dir", dir.resolve("data").toString(), "--kafka-port", "0", "--no-journald", "--no-kmsg",
                "--file", syslog.toString()));
        try {
            await("the ready line").atMost(Duration.ofSeconds(90))
                    .until(() -> err.toString().contains("vigil: ready") || exit.isDone());
            assertFalse(exit.isDone(), "vigil run exited early: " + err);
            // the rest of the crash loop arrives while the file is tailed
            Files.writeString(syslog, String.join("\n", lines.subList(10, lines.size())) + "\n", StandardOpenOption.APPEND);

            Set<String> seen = await("restart_burst and oom_kill incidents on stdout").atMost(Duration.ofSeconds(120))
                    .until(() -> incidents(out.toString()), s -> s.containsAll(Set.of(
                            "oom_kill PLEDXDBOR0G postgres", "restart_burst SarvanTestMachine redis-server.service",
                            "unit_start_limit SarvanTestMachine redis-server.service")));
            assertFalse(seen.stream().anyMatch(s -> s.startsWith("log_truncation")),
                    "a syslog file's lines are journald and kernel events, not an app log that stops: " + seen);
        } finally {
            command.requestStop();
            assertEquals(0, exit.get(30, TimeUnit.SECONDS), "exit code after stop; stderr: " + err);
        }
    }

    private static Set<String> incidents(String stdout) {
        Set<String> found = new TreeSet<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                Incident i = IncidentJson.parse(line.getBytes(StandardCharsets.UTF_8));
                found.add(i.type() + " " + i.host() + " " + i.subject());
            }
        }
        return found;
    }
}
