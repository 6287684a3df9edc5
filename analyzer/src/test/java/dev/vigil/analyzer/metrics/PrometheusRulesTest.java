package dev.vigil.analyzer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.sink.DebianTool;
import dev.vigil.analyzer.topology.AnalyzerCounts;
import dev.vigil.shippers.produce.SourceCounters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** packaging/prometheus/vigil-rules.yml: valid for Prometheus, and about metrics Vigil really exports. */
class PrometheusRulesTest {
    private static final Path RULES = Path.of("..", "packaging", "prometheus", "vigil-rules.yml").toAbsolutePath().normalize();

    @Test
    void promtoolShouldAcceptTheRules() throws Exception {
        Optional<Path> promtool = DebianTool.find("promtool", "prometheus");
        assumeTrue(promtool.isPresent(), DebianTool.missing("promtool", "prometheus"));
        Process p = new ProcessBuilder(promtool.get().toString(), "check", "rules", RULES.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("SUCCESS: 5 rules found"), out);
    }

    @Test
    void everyVigilMetricTheRulesUseShouldBeExported() throws Exception {
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\bvigil_[a-z_]+").matcher(Files.readString(RULES));
        while (m.find()) {
            used.add(m.group());
        }
        try (VigilMetrics metrics = new VigilMetrics("test")) {
            SourceCounters zero = new SourceCounters(0, 0, 0, 0, 0, 0, 0, 0);
            metrics.shipper(() -> Map.of("shipper", zero), List.of("shipper"));
            metrics.analyzerDeadLetters(new AnalyzerCounts(new AtomicLong()));
            metrics.sinks().deadLettered("webhook", "gave_up", 1);
            Instant t = Instant.parse("2026-01-10T07:48:43Z");
            metrics.incident(new Incident("i", "oom_kill", "p", "critical", Incident.Status.FIRING, "h", null, 1, t, t, "s",
                    null, null, null, null, null));
            String scrape = metrics.scrape();

            for (String name : used) {
                assertTrue(Pattern.compile("(?m)^" + name + "[{ ]").matcher(scrape).find(), name + " is exported:\n" + scrape);
            }
        }
        assertTrue(used.size() >= 4, "the rules use Vigil's metrics: " + used);
    }
}
