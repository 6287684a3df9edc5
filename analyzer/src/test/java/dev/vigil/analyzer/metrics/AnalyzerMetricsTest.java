package dev.vigil.analyzer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.topology.Analyzer;
import dev.vigil.analyzer.topology.AnalyzerConfig;
import dev.vigil.analyzer.topology.AnalyzerCounts;
import dev.vigil.analyzer.topology.AnalyzerTopology;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.analyzer.topology.StoreNames;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventJson;
import dev.vigil.patterns.event.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer's dead letters by reason code and its incidents by type and status, as scraped. */
class AnalyzerMetricsTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());

    @TempDir
    Path stateDir;

    @Test
    void shouldCountDeadLettersByABoundedReasonCodeAndIncidentsByTypeAndStatus() {
        AnalyzerConfig config = AnalyzerConfig.defaults("unused:9092", stateDir);
        AtomicLong total = new AtomicLong();
        AnalyzerCounts counts = new AnalyzerCounts(total);
        try (VigilMetrics metrics = new VigilMetrics("analyze");
                TopologyTestDriver driver = new TopologyTestDriver(AnalyzerTopology.build(config, () -> LIBRARY, counts),
                        Analyzer.streamsProperties(config), AT)) {
            metrics.analyzerDeadLetters(counts);
            List<Incident> written = new ArrayList<>();
            counts.onIncident(incident -> {
                written.add(incident);
                metrics.incident(incident);
            });
            TestInputTopic<String, byte[]> events = driver.createInputTopic(config.eventsTopic(), Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            events.pipeInput("h", "not an event".getBytes(StandardCharsets.UTF_8), AT);
            events.pipeInput("h", "{\"host\":\"h\",\"source\":\"file\"".getBytes(StandardCharsets.UTF_8), AT);
            events.pipeInput("h", "[1,2]".getBytes(StandardCharsets.UTF_8), AT);
            events.pipeInput("h", "{\"host\":\"h\"}".getBytes(StandardCharsets.UTF_8), AT);
            events.pipeInput("h", "{\"host\":\"h\",\"source\":\"file\",\"ts\":\"yesterday\",\"message\":\"m\"}"
                    .getBytes(StandardCharsets.UTF_8), AT);
            events.pipeInput("h", EventJson.toBytes(Event.builder("h", Source.FILE, Instant.parse("1970-01-01T00:00:01Z"), "m")
                    .build()), AT);
            events.pipeInput("h", new byte[0], AT);
            for (long i = 0; i < 3; i++) {
                Event e = Event.builder("web-a", Source.FILE, AT.plusSeconds(i),
                        "ERROR db connect failed url=postgres://db:5432/orders attempt=" + i).file("/srv/orders/app.log")
                        .offset(i).id("web-a-" + i).build();
                events.pipeInput("web-a", EventJson.toBytes(e), AT.plusSeconds(i));
            }
            driver.advanceWallClockTime(Duration.ofSeconds(2));

            String scrape = metrics.scrape();
            assertEquals(2.0, value(scrape, "vigil_analyzer_deadletters_total", "reason=\"not_json\""), scrape);
            assertEquals(1.0, value(scrape, "vigil_analyzer_deadletters_total", "reason=\"not_object\""));
            assertEquals(1.0, value(scrape, "vigil_analyzer_deadletters_total", "reason=\"missing_field\""));
            assertEquals(1.0, value(scrape, "vigil_analyzer_deadletters_total", "reason=\"invalid_field\""));
            assertEquals(1.0, value(scrape, "vigil_analyzer_deadletters_total", "reason=\"ts_out_of_range\""));
            assertEquals(1.0, value(scrape, "vigil_analyzer_deadletters_total", "reason=\"empty\""));
            assertEquals(7L, total.get(), "the total the analyzer reports is the sum of the reasons");
            assertFalse(written.isEmpty(), "three errors of one template make an incident");
            Incident last = written.get(written.size() - 1);
            String status = last.status().name().toLowerCase(Locale.ROOT);
            long same = written.stream().filter(i -> i.type().equals(last.type()) && i.status() == last.status()).count();
            assertEquals((double) same, value(scrape, "vigil_incidents_total",
                    "status=\"" + status + "\",type=\"" + last.type() + "\""), scrape);
        }
    }

    @Test
    void storeSizesShouldReadNanWhileTheAnalyzerIsNotRunningRatherThanFail() {
        AnalyzerConfig config = AnalyzerConfig.defaults("127.0.0.1:9", stateDir);
        try (VigilMetrics metrics = new VigilMetrics("analyze");
                KafkaStreams streams = new KafkaStreams(AnalyzerTopology.build(config, () -> LIBRARY, new AtomicLong()),
                        Analyzer.streamsProperties(config))) {
            StoreSizes.bind(metrics.registry(), streams, List.of(StoreNames.HOSTS));
            String scrape = metrics.scrape();
            assertTrue(scrape.contains("vigil_analyzer_store_entries{command=\"analyze\",store=\"vigil-hosts\"} NaN"), scrape);
        }
    }

    /** The value of the sample {@code name{…}} whose labels contain {@code labels}, or -1. */
    static double value(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }
}
