package dev.vigil.analyzer.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.replay.InputFormat;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ReplayInput;
import dev.vigil.analyzer.topology.PatternFiles;
import dev.vigil.patterns.compile.PatternSet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each seed scenario and negative control replayed through the analyzer's topology with the
 * standard library: the incidents must be those its {@code expected.json} demands, and none of
 * those it forbids.
 */
class ScenarioReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());

    @TempDir
    Path scratch;

    static Stream<Path> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replayShouldGiveTheExpectedIncidents(Path scenario) throws IOException {
        List<String> progress = new ArrayList<>();
        Replay.Result result = new Replay(LIBRARY, scratch, progress::add).run(inputs(scenario),
                new Replay.Options(host(scenario), null));

        List<String> violations = ScenarioExpectation.read(scenario).violations(result.incidents());

        assertEquals(List.of(), violations, "incidents: " + describe(result.incidents()));
        assertEquals(List.of(), progress, "no unreadable lines in the scenario inputs");
    }

    /** The inputs as expected.json lists them: format, the app's own file name, boot of kernel logs. */
    static List<ReplayInput> inputs(Path scenario) throws IOException {
        JsonNode expected = JSON.readTree(scenario.resolve("expected.json").toFile());
        List<ReplayInput> out = new ArrayList<>();
        for (JsonNode in : expected.get("inputs")) {
            out.add(new ReplayInput(scenario.resolve(in.get("path").asText()),
                    InputFormat.parse(in.get("format").asText()),
                    in.has("file") ? in.get("file").asText() : null,
                    in.has("boot_time") ? Instant.parse(in.get("boot_time").asText()) : null,
                    in.has("boot_id") ? in.get("boot_id").asText() : null,
                    in.has("timezone") ? ZoneId.of(in.get("timezone").asText()) : null));
        }
        return out;
    }

    private static String host(Path scenario) throws IOException {
        JsonNode expected = JSON.readTree(scenario.resolve("expected.json").toFile());
        return expected.has("host") ? expected.get("host").asText() : null;
    }

    private static String describe(List<Incident> incidents) {
        StringBuilder sb = new StringBuilder();
        for (Incident i : incidents) {
            sb.append("\n  ").append(i.type()).append(' ').append(i.status()).append(" subject=").append(i.subject())
                    .append(" count=").append(i.count()).append(" related=").append(i.related())
                    .append(" summary=").append(i.summary());
        }
        return sb.toString();
    }
}
