package dev.vigil.analyzer.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ScenarioFiles;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.compile.PatternSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each seed scenario and negative control replayed through the analyzer's topology with the
 * standard library: the incidents must be those its {@code expected.json} demands, and none of
 * those it forbids.
 */
class ScenarioReplayTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());

    static Stream<Path> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replayShouldGiveTheExpectedIncidents(Path scenario) throws IOException {
        List<String> progress = new ArrayList<>();
        ScenarioFiles files = ScenarioFiles.read(scenario);
        Replay.Result result = new Replay(LIBRARY, progress::add).run(files.inputs(),
                new Replay.Options(files.host(), null));

        List<String> violations = ScenarioExpectation.read(scenario).violations(result.incidents());

        assertEquals(List.of(), violations, "incidents: " + describe(result.incidents()));
        assertEquals(List.of(), progress, "no unreadable lines in the scenario inputs");
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
