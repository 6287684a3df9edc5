package dev.vigil.patterns.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.PatternSet;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PublishedFilesTest {
    private static final String DISK = """
            pattern disk_full {
              match file where message contains "No space left on device"
              group by file
              type disk_full
              summary "{file}: disk full"
            }
            """;

    @Test
    @Timeout(30)
    void shouldSkipAPublishedFileThatCannotCompileAndLoadTheFilesPublishedAfterIt() {
        PublishedFiles files = new PublishedFiles(PatternLoader::withLibrary, Map.of());
        files.put("counts.vigil", bytes(pattern("counts", "((((a{100}){100}){100}){100})")));
        files.put("deep.vigil", bytes(pattern("deep", "(".repeat(2_000) + "a" + ")".repeat(2_000))));
        files.put("disk.vigil", bytes(DISK));

        PatternSet set = files.compile().orElseThrow();

        assertTrue(set.byName("disk_full").isPresent());
        assertTrue(set.byName("counts").isEmpty());
        assertTrue(set.byName("deep").isEmpty());
        assertTrue(set.byName("kernel_oom_kill").isPresent(), "the library still runs");
    }

    @Test
    void shouldLiveOnWhenCompilingAFileThrowsAnError() {
        PublishedFiles files = new PublishedFiles(some -> {
            if (some.containsKey("wedge.vigil")) {
                throw new StackOverflowError();
            }
            return PatternLoader.withLibrary(some);
        }, Map.of());
        files.put("wedge.vigil", bytes(pattern("wedge", "a")));
        files.put("disk.vigil", bytes(DISK));

        Optional<PatternSet> set = files.compile();

        assertTrue(set.orElseThrow().byName("disk_full").isPresent());
        assertTrue(set.orElseThrow().byName("wedge").isEmpty());
    }

    @Test
    void shouldDropAWithdrawnFileAndFallBackToTheBuiltInFileOfItsName() {
        PublishedFiles files = new PublishedFiles(PatternLoader::withLibrary, Map.of());
        assertTrue(files.put("kernel.vigil", bytes(DISK), true, "vigil.patterns-0@0"));
        assertTrue(files.compile().orElseThrow().byName("kernel_oom_kill").isEmpty(), "the published kernel.vigil replaced the library's");

        assertTrue(files.put("kernel.vigil", null), "a tombstone withdraws the file");
        assertFalse(files.put("kernel.vigil", new byte[0]), "withdrawing it again changes nothing");

        PatternSet set = files.compile().orElseThrow();
        assertTrue(set.byName("kernel_oom_kill").isPresent());
        assertTrue(set.byName("disk_full").isEmpty());
    }

    @Test
    void shouldRefuseALibraryFileNamePublishedWithoutTheReplaceFlagAndKeepTheBuiltInFile() {
        PublishedFiles files = new PublishedFiles(PatternLoader::withLibrary, Map.of());

        assertFalse(files.put("kernel.vigil", bytes(DISK), false, "vigil.patterns-0@0"), "refused: nothing changed");

        PatternSet set = files.compile().orElseThrow();
        assertTrue(set.byName("kernel_oom_kill").isPresent(), "the built-in kernel.vigil stays");
        assertTrue(set.byName("disk_full").isEmpty());
        assertEquals(1, files.libraryRefusals());
        assertEquals(0, files.libraryReplacements());
    }

    @Test
    void shouldCountALibraryReplacementPublishedWithTheReplaceFlag() {
        PublishedFiles files = new PublishedFiles(PatternLoader::withLibrary, Map.of());
        files.put("disk.vigil", bytes(DISK), false, "vigil.patterns-0@0");
        assertEquals(0, files.libraryReplacements(), "not a library name");

        assertTrue(files.put("kernel.vigil", bytes(DISK.replace("disk_full", "disk_full_2")), true, "vigil.patterns-0@1"));

        PatternSet set = files.compile().orElseThrow();
        assertTrue(set.byName("kernel_oom_kill").isEmpty());
        assertTrue(set.byName("disk_full_2").isPresent());
        assertEquals(1, files.libraryReplacements());
        assertEquals(0, files.libraryRefusals());
    }

    @Test
    void shouldRunTheCommandLineFileOfAWithdrawnNameAgain() {
        PublishedFiles files = new PublishedFiles(PatternLoader::withLibrary, Map.of("disk.vigil", DISK));
        files.put("disk.vigil", bytes(DISK.replace("disk_full", "disk_full_published")));
        assertTrue(files.compile().orElseThrow().byName("disk_full").isEmpty());

        assertTrue(files.put("disk.vigil", null));

        assertTrue(files.compile().orElseThrow().byName("disk_full").isPresent());
    }

    @Test
    void shouldKeepTheRunningSetWhenTwoUsableFilesDefineOnePattern() {
        PublishedFiles files = new PublishedFiles(PatternLoader::withLibrary, Map.of());
        files.put("a.vigil", bytes(DISK));
        files.put("b.vigil", bytes(DISK));

        assertEquals(Optional.empty(), files.compile());
    }

    private static String pattern(String name, String regex) {
        return "pattern " + name + " {\n  match file where message ~ /" + regex + "/\n  type t\n  summary \"s\"\n}\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
