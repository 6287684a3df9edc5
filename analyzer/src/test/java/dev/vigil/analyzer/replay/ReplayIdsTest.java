package dev.vigil.analyzer.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.library.PatternFiles;
import dev.vigil.patterns.compile.PatternSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-sent events are looked for only when the inputs can repeat an id: text and syslog files
 * put each line's offset in its id, so only a stream given twice can; a journal brings its own.
 */
class ReplayIdsTest {
    private static final PatternSet LIBRARY = PatternFiles.load(List.of());

    @TempDir Path dir;

    private static ReplayInput input(String path, InputFormat format) {
        return new ReplayInput(Path.of(path), format, null, null, null, ZoneOffset.UTC);
    }

    @Test
    void textAndSyslogFilesOfDistinctStreamsCannotRepeatAnId() {
        assertFalse(Replay.idsMayRepeat(List.of(input("/var/log/app.log", InputFormat.TEXT),
                input("/var/log/syslog", InputFormat.SYSLOG))));
    }

    @Test
    void oneStreamGivenTwiceOrAnInputWithItsOwnIdsCan() {
        assertTrue(Replay.idsMayRepeat(List.of(input("/var/log/app.log", InputFormat.TEXT),
                input("/var/log/app.log", InputFormat.TEXT))));
        assertTrue(Replay.idsMayRepeat(List.of(input("/tmp/journal.json", InputFormat.JOURNAL_JSON))));
        assertTrue(Replay.idsMayRepeat(List.of(input("/tmp/events.json", InputFormat.EVENT_JSON))));
        assertTrue(Replay.idsMayRepeat(List.of(input("/tmp/kmsg.txt", InputFormat.KMSG))));
        assertTrue(Replay.idsMayRepeat(List.of(input("/tmp/dmesg.txt", InputFormat.DMESG))));
    }

    @Test
    void anAppLogGivenTwiceCountsEachLineOnce() throws IOException {
        Path log = dir.resolve("architect_assigner_worker.log");
        try (InputStream in = PatternSet.class.getResourceAsStream("/vigil/library/fixtures/seed-002-assigner-errors.log")) {
            Files.copy(in, log);
        }
        ReplayInput text = new ReplayInput(log, null, null, null, null, ZoneOffset.UTC);

        List<String> once = described(new Replay(LIBRARY, line -> { }).run(List.of(text), new Replay.Options(null, null)));
        List<String> twice = described(new Replay(LIBRARY, line -> { })
                .run(List.of(text, text), new Replay.Options(null, null)));

        assertEquals(List.of("error_signature " + log + " x2", "error_signature " + log + " x4"), once);
        assertEquals(once, twice);
    }

    private static List<String> described(Replay.Result result) {
        return result.incidents().stream().map(i -> i.type() + " " + i.subject() + " x" + i.count()).sorted().toList();
    }
}
