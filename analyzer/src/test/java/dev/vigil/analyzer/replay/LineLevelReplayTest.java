package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.patterns.compile.PatternSet;
import dev.vigil.patterns.library.PatternFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The level a program gave its lines, through replay with the standard library: an app log's
 * error lines make error signatures whatever their level looks like, a syslog file's program
 * lines at err make journal error signatures, and lines that only mention an error make none.
 */
class LineLevelReplayTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());
    private static final Path FIXTURES = Path.of("src/test/resources/replay/line-levels");
    private static final Instant CHANGED = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir Path dir;

    private List<String> incidents(String name, InputFormat format) throws IOException {
        Path p = Files.copy(FIXTURES.resolve(name), dir.resolve(name));
        Files.setLastModifiedTime(p, FileTime.from(CHANGED));
        List<String> progress = new ArrayList<>();
        Replay.Result result = new Replay(LIBRARY, progress::add)
                .run(List.of(new ReplayInput(p, format, name, null, null, ZoneOffset.UTC)), new Replay.Options(null, null));
        assertEquals(List.of(), progress, "every line read");
        // an incident's last update: its final count
        Map<String, Incident> latest = new TreeMap<>();
        result.incidents().forEach(i -> latest.put(i.id(), i));
        return latest.values().stream().map(i -> i.type() + " " + i.pattern() + " " + i.subject() + " x" + i.count())
                .sorted().toList();
    }

    @Test
    void log15ErorLinesOfAnAppLogAreAnErrorSignature() throws IOException {
        // lvl=eror, and no ERROR in capitals: the line's level, not its words, makes it an error
        assertEquals(List.of("error_signature app_error_signature grafana.log x3"), incidents("grafana.log", InputFormat.TEXT));
    }

    @Test
    void aDebugLineQuotingErrorIsNotAnErrorAndALowerCaseErrorIs() throws IOException {
        // three debug3 lines quoting ERROR would be a signature of their own, x3
        assertEquals(List.of("error_signature app_error_signature sshd.log x2"), incidents("sshd.log", InputFormat.TEXT));
    }

    @Test
    void aSyslogFileProgramsOwnErrorLinesAreAJournalErrorSignature() throws IOException {
        // the syslog line does not name kubelet's unit, and no systemd line of the file named it: the program
        // the line names is the subject
        assertEquals(List.of("error_signature program_error_signature kubelet x12"), incidents("kubelet.syslog", InputFormat.SYSLOG));
    }

    @Test
    void syslogLinesThatOnlyMentionAnErrorMakeNone() throws IOException {
        assertEquals(List.of(), incidents("dockerd.syslog", InputFormat.SYSLOG));
    }
}
