package dev.vigil.analyzer.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.analyzer.topology.AnalyzerTestKit;
import dev.vigil.broker.KafkaBrokerExtension;
import dev.vigil.broker.VigilTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code patterns push} and {@code patterns withdraw} on the real broker, seen by a running analyzer. */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PatternsPublishIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void shouldPublishATestedFileThatRunningAnalyzersLoadAndDropItWhenWithdrawn() throws Exception {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 1, (short) 1);
        }
        Files.writeString(dir.resolve("seed-002.log"), PatternsPushCommandTest.SEED_002_LINE, StandardCharsets.UTF_8);
        Path file = Files.writeString(dir.resolve("env.vigil"), PatternsPushCommandTest.envPorts("/tmp/architect_assigner_worker.log"),
                StandardCharsets.UTF_8);
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), dir.resolve("state"))
                .withApplicationId("vigil-push-it");
        try (Analyzer analyzer = AnalyzerTestKit.started(config)) {

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int pushed = new CommandLine(new PatternsPushCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                    .execute("--bootstrap-servers", KAFKA.bootstrapServers(), file.toString());
            assertEquals(0, pushed, out + "\n" + err);
            assertTrue(out.toString().endsWith("published 1 file(s) to vigil.patterns: env.vigil\n"), out.toString());
            await("the pushed pattern to run").atMost(Duration.ofSeconds(60))
                    .until(() -> analyzer.patterns().byName("env_ports").isPresent());

            StringWriter withdrawn = new StringWriter();
            int exit = new CommandLine(new PatternsWithdrawCommand()).setOut(new PrintWriter(withdrawn, true))
                    .setErr(new PrintWriter(err, true)).execute("--bootstrap-servers", KAFKA.bootstrapServers(), "env.vigil");
            assertEquals(0, exit, err.toString());
            assertEquals("withdrew 1 file(s) from vigil.patterns: env.vigil\n", withdrawn.toString());
            await("the withdrawn pattern to stop").atMost(Duration.ofSeconds(60))
                    .until(() -> analyzer.patterns().byName("env_ports").isEmpty());
            assertTrue(analyzer.patterns().byName("app_error_signature").isPresent(), "the library still runs");
        }
    }

    @Test
    void shouldReplaceALibraryFileOnEveryAnalyzerWhenPushedWithReplaceLibrary() throws Exception {
        try (Admin admin = KAFKA.admin()) {
            VigilTopics.ensure(admin, 1, (short) 1);
        }
        Path kernel = Files.writeString(dir.resolve("kernel.vigil"), """
                pattern kernel_panic_only {
                  match kernel where message contains "Kernel panic - not syncing"
                  group by host
                  type kernel_panic
                  severity critical
                  subject "{host}"
                  summary "kernel panic on {host}"
                }
                """, StandardCharsets.UTF_8);
        AnalyzerConfig config = AnalyzerConfig.defaults(KAFKA.bootstrapServers(), dir.resolve("state-replace"))
                .withApplicationId("vigil-push-replace-it");
        try (Analyzer analyzer = AnalyzerTestKit.started(config)) {

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int pushed = new CommandLine(new PatternsPushCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                    .execute("--bootstrap-servers", KAFKA.bootstrapServers(), "--replace-library", kernel.toString());
            assertEquals(0, pushed, out + "\n" + err);
            await("the pushed kernel.vigil to replace the library's").atMost(Duration.ofSeconds(60))
                    .until(() -> analyzer.patterns().byName("kernel_panic_only").isPresent());
            assertTrue(analyzer.patterns().byName("kernel_oom_kill").isEmpty(), "the library's kernel.vigil was replaced");
        }
    }
}
