package dev.vigil.analyzer.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The analyzer killed with SIGKILL twice and its broker stopped for 5 s while 20,000 events with
 * crash loops and OOM kills go through: nothing lost, each episode one incident, no record sent
 * twice. {@code bench/faults/run} runs the same with a million events, five kills and 30 s.
 */
@Tag("integration")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AnalyzerFaultsIT {
    /** Kept when the run fails: the analyzers' and the broker's whole output is in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void shouldLoseNothingAndSendEachIncidentOnceThroughKillsAndABrokerOutage() throws Exception {
        AnalyzerFaultRun.Figures f = new AnalyzerFaultRun(
                new AnalyzerFaultRun.Settings(20_000, 6, 2, Duration.ofSeconds(5)), dir).run();
        LoggerFactory.getLogger(AnalyzerFaultsIT.class).info("Fault run {}", f);

        assertEquals(f.sent(), f.distinctIds(), "every event in vigil.events once by id");
        assertEquals(List.of(), f.missing(), "every crash loop and kill has its incident");
        assertEquals(List.of(), f.doubled(), "no episode split into two incidents");
        assertEquals(12, f.incidentsOnce());
        assertEquals(0, f.duplicateRecords(), "no incident record sent twice");
        assertEquals(2, f.restartReadyMillis().size());
        assertEquals(0, f.unprocessed());
    }
}
