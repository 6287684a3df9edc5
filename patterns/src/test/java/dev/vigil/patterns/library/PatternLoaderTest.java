package dev.vigil.patterns.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.lang.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternLoaderTest {
    private static final String MINE = "pattern mine { match kernel where message contains \"mine\" type t summary \"s\" }\n";

    @TempDir
    Path dir;

    @Test
    void shouldListEveryLibraryFileInTheIndex() throws IOException {
        List<String> onDisk;
        try (var files = Files.list(Path.of("src/main/resources/vigil/library"))) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".vigil")).sorted().toList();
        }

        assertEquals(onDisk, PatternLoader.library().keySet().stream()
                .map(k -> k.substring(PatternLoader.LIBRARY_DIR.length())).sorted().toList());
    }

    @Test
    void shouldReplaceALibraryFileByAUserFileOfTheSameName() throws IOException {
        Path kernel = Files.writeString(dir.resolve("kernel.vigil"), MINE);

        PatternLoader.Result result = PatternLoader.load(List.of(kernel));

        assertFalse(result.hasErrors(), result.render());
        assertTrue(result.patterns().byName("mine").isPresent());
        assertTrue(result.patterns().byName("kernel_oom_kill").isEmpty());
        assertTrue(result.patterns().byName("systemd_restart_burst").isPresent());
        assertEquals(kernel.toString(), result.patterns().byName("mine").orElseThrow().path());
    }

    @Test
    void shouldAddEveryPatternFileOfADirectory() throws IOException {
        Files.createDirectories(dir.resolve("team"));
        Files.writeString(dir.resolve("team/mine.vigil"), MINE);
        Files.writeString(dir.resolve("team/notes.txt"), "not a pattern");

        PatternLoader.Result result = PatternLoader.load(List.of(dir));

        assertTrue(result.patterns().byName("mine").isPresent());
        assertEquals(PatternLoader.loadLibrary().patterns().size() + 1, result.patterns().size());
    }

    @Test
    void shouldOverrideTheLibraryWithPublishedFilesByFileName() {
        PatternLoader.Result result = PatternLoader.withLibrary(Map.of("systemd.vigil", MINE));

        assertFalse(result.hasErrors(), result.render());
        assertTrue(result.patterns().byName("mine").isPresent());
        assertTrue(result.patterns().byName("systemd_restart_burst").isEmpty());
        assertTrue(result.patterns().byName("kernel_oom_kill").isPresent());
    }

    @Test
    void shouldLoadTheLibraryForRunningWithoutReadingTestFiles() {
        PatternLoader.Result result = PatternLoader.withLibrary(Map.of());

        assertEquals("", result.render());
        assertEquals(PatternLoader.loadLibrary().patterns().size(), result.patterns().size());
    }

    @Test
    void shouldRunTheLibraryCompiledAloneWithTheSamePatternsAsTheLintedLibrary() {
        PatternLoader.Result linted = PatternLoader.loadLibrary();

        PatternLoader.Result toRun = PatternLoader.load(List.of());

        assertEquals("", toRun.render());
        assertEquals(fingerprints(linted), fingerprints(toRun));
    }

    @Test
    void shouldLintAUserFileLoadedToRunAsTheLinterDoes() throws IOException {
        Path slow = Files.writeString(dir.resolve("slow.vigil"),
                "pattern slow { match file where message ~ /.*timed out/ type t summary \"s\" }\n");

        PatternLoader.Result result = PatternLoader.load(List.of(slow));

        assertEquals(List.of(slow + ":1:43: warning[expensive-regex]: regex /.*timed out/ starts with '.*', so it is "
                + "tried from every position of every line"), result.diagnostics().stream().map(Diagnostic::headline).toList());
    }

    private static Map<String, String> fingerprints(PatternLoader.Result result) {
        Map<String, String> out = new LinkedHashMap<>();
        result.patterns().patterns().forEach(p -> out.put(p.name(), p.path() + " " + p.fingerprint()));
        return out;
    }

    @Test
    void shouldReportAPatternNameUsedInTwoFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.vigil", MINE);
        files.put("b.vigil", "\n" + MINE);

        PatternLoader.Result result = PatternLoader.fromSources(files);

        assertEquals(List.of("b.vigil:2:1: error[duplicate-pattern]: pattern 'mine' is also defined in a.vigil:1"),
                result.diagnostics().stream().map(Diagnostic::headline).toList());
        assertEquals(List.of("a.vigil"), result.patterns().patterns().stream().map(CompiledPattern::path).toList());
    }

    @Test
    void shouldReportAnUnreadablePathAsADiagnostic() {
        Path missing = dir.resolve("missing.vigil");

        PatternLoader.Result result = PatternLoader.load(List.of(missing));

        assertEquals("unreadable-file", result.diagnostics().get(0).code());
        assertEquals(missing.toString(), result.diagnostics().get(0).path());
        assertTrue(result.hasErrors());
    }

    @Test
    void shouldSayWhereAPatternFileIsNotUtf8() throws IOException {
        // an editor that saved the file in Latin-1: é is the single byte 0xE9
        Path latin1 = Files.write(dir.resolve("latin1.vigil"),
                "pattern p {\n  description \"caf\u00e9\"\n}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        PatternLoader.Result result = PatternLoader.load(List.of(latin1));

        assertEquals("unreadable-file", result.diagnostics().get(0).code());
        assertEquals("cannot read pattern file: " + latin1 + " is not UTF-8 text: byte 0xE9 at line 2, column 19 (save it as UTF-8)",
                result.diagnostics().get(0).message());
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> PatternFiles.read(List.of(latin1)));
        assertEquals(latin1 + " is not UTF-8 text: byte 0xE9 at line 2, column 19 (save it as UTF-8)", e.getMessage());
    }

    @Test
    void shouldRenderDiagnosticsWithTheirOwnFilesText() {
        PatternLoader.Result result = PatternLoader.fromSources(Map.of("bad.vigil",
                "pattern p {\n  match kernal\n  type t\n  summary \"s\"\n}\n"));

        assertEquals("""
                bad.vigil:2:9: error[unknown-source]: unknown source 'kernal'
                    match kernal
                          ^
                  hint: did you mean 'kernel'?
                """, result.render());
    }
}
