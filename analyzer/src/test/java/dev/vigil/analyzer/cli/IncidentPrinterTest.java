package dev.vigil.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.analyzer.incident.Incident;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentPrinterTest {
    private static final Instant KILLED = Instant.parse("2026-11-30T02:00:17.276001064Z");
    private static final Incident KILL = new Incident("kernel_oom_kill-8cb657f97573e666", "oom_kill", "kernel_oom_kill",
            "critical", Incident.Status.FIRING, "vm", "vigil-oom-hog", 3, KILLED, KILLED,
            "kernel OOM killer killed vigil-oom-hog (pid 17131, anon-rss 65392 kB)", null, null, List.of(), List.of(),
            Map.of());

    @Test
    void shouldPrintOneReadableLinePerIncidentChangeOnATerminal() {
        StringWriter out = new StringWriter();

        new IncidentPrinter(new PrintWriter(out), false).print(KILL);

        assertEquals("2026-11-30 02:00:17Z FIRING   critical oom_kill        host=vm subject=vigil-oom-hog count=3  "
                + "kernel OOM killer killed vigil-oom-hog (pid 17131, anon-rss 65392 kB)  [kernel_oom_kill-8cb657f97573e666]\n",
                out.toString());
    }

    @Test
    void shouldPrintJsonLinesForPrograms() {
        StringWriter out = new StringWriter();

        new IncidentPrinter(new PrintWriter(out), true).print(KILL);

        assertEquals("{\"id\":\"kernel_oom_kill-8cb657f97573e666\",\"type\":\"oom_kill\",\"pattern\":\"kernel_oom_kill\","
                + "\"severity\":\"critical\",\"status\":\"firing\",\"host\":\"vm\",\"subject\":\"vigil-oom-hog\",\"count\":3,"
                + "\"first_seen\":\"2026-11-30T02:00:17.276001064Z\",\"last_seen\":\"2026-11-30T02:00:17.276001064Z\","
                + "\"summary\":\"kernel OOM killer killed vigil-oom-hog (pid 17131, anon-rss 65392 kB)\",\"evidence\":[],"
                + "\"related\":[],\"labels\":{}}\n", out.toString());
    }
}
