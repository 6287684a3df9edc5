package dev.vigil.analyzer.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ScenarioFiles;
import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.compile.PatternSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real-world corpus ({@code src/test/resources/realworld/<class>/<case>/}): verbatim lines
 * from kernels, systemd, kubelet, containerd and supervisord of many versions, each case replayed
 * through the analyzer's topology with the standard library. A positive case must give exactly the
 * incidents its {@code expected.json} names (type, subject, pattern, key words, links); a negative
 * (look-alike) case must give none. Every summary must read without a placeholder for a missing value.
 */
class RealWorldCorpusTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());
    /** A value the summary could not fill, rendered as a lone question mark. */
    private static final Pattern UNFILLED = Pattern.compile("(^|[\\s(,])\\?([\\s),;.]|$)");
    /** class -> [cases passed, cases] */
    private static final Map<String, int[]> SCORE = new TreeMap<>();

    static Path root() {
        return Stream.of(Path.of("src/test/resources/realworld"), Path.of("analyzer/src/test/resources/realworld"))
                .filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("realworld corpus not found from " + Path.of("").toAbsolutePath()));
    }

    static List<Path> cases() {
        try (Stream<Path> files = Files.walk(root(), 2)) {
            return files.filter(d -> Files.isRegularFile(d.resolve("expected.json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void corpusShouldHoldEnoughRealCasesEachWithItsSource() throws IOException {
        List<Path> all = cases();
        long negatives = 0;
        for (Path c : all) {
            String sources = Files.readString(c.resolve("SOURCES")).strip();
            assertTrue(sources.startsWith("http"), c + ": SOURCES must name the page or repository of its lines");
            if (Files.readString(c.resolve("expected.json")).contains("\"max_incidents\": 0")) {
                negatives++;
            }
        }
        assertTrue(all.size() - negatives >= 60, "positive cases: " + (all.size() - negatives));
        assertTrue(negatives >= 15, "negative cases: " + negatives);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseShouldGiveItsExpectedIncidents() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(root().relativize(c).toString(), () -> check(c)));
    }

    private static void check(Path dir) throws IOException {
        String cls = dir.getParent().getFileName().toString();
        int[] score = SCORE.computeIfAbsent(cls, k -> new int[2]);
        score[1]++;
        List<String> progress = new ArrayList<>();
        ScenarioFiles files = ScenarioFiles.read(dir);
        Replay.Result result = new Replay(LIBRARY, progress::add).run(files.inputs(),
                new Replay.Options(files.host(), null));
        List<String> problems = new ArrayList<>(ScenarioExpectation.read(dir).violations(result.incidents()));
        for (Incident i : result.incidents()) {
            if (UNFILLED.matcher(i.summary()).find()) {
                problems.add(i.pattern() + " summary has an unfilled value: " + i.summary());
            }
        }
        if (problems.isEmpty() && progress.isEmpty()) {
            score[0]++;
        }
        assertEquals(List.of(), problems, "incidents: " + describe(result.incidents()));
        assertEquals(List.of(), progress, "no unreadable lines in the case's input");
    }

    @AfterAll
    static void printScore() {
        int found = 0;
        int total = 0;
        StringBuilder sb = new StringBuilder("real-world corpus:");
        for (Map.Entry<String, int[]> e : SCORE.entrySet()) {
            sb.append(String.format("%n  %-18s %3d / %3d", e.getKey(), e.getValue()[0], e.getValue()[1]));
            found += e.getValue()[0];
            total += e.getValue()[1];
        }
        sb.append(String.format("%n  %-18s %3d / %3d", "all", found, total));
        System.out.println(sb);
    }

    private static String describe(List<Incident> incidents) {
        StringBuilder sb = new StringBuilder();
        Map<String, Incident> latest = new TreeMap<>();
        incidents.forEach(i -> latest.put(i.id(), i));
        for (Incident i : latest.values()) {
            sb.append("\n  ").append(i.type()).append(' ').append(i.pattern()).append(" subject=").append(i.subject())
                    .append(" count=").append(i.count()).append(" related=").append(i.related())
                    .append(" labels=").append(i.labels()).append(" summary=").append(i.summary());
        }
        return sb.toString();
    }
}
