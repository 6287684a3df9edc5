package dev.vigil.patterns.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.patterns.compile.CompiledPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryPreloadTest {
    @TempDir
    Path dir;

    @AfterEach
    void noPreloadLeftForOtherTests() {
        LibraryPreload.take();
    }

    private static List<String> fingerprints(PatternLoader.Result result) {
        return result.patterns().patterns().stream().map(p -> p.name() + " " + p.path() + " " + p.fingerprint()).toList();
    }

    @Test
    void theSetLoadedAfterAPreloadShouldBeTheSetLoadedWithout() {
        List<String> without = fingerprints(PatternLoader.load(List.of()));

        LibraryPreload.start();
        PatternLoader.Result with = PatternLoader.load(List.of());

        assertNull(LibraryPreload.take(), "the load took the preload");
        assertEquals("", with.render());
        assertEquals(without, fingerprints(with));
    }

    @Test
    void aPreloadShouldServeOneLoadOnly() {
        LibraryPreload.start();
        assertNotNull(LibraryPreload.take());

        assertNull(LibraryPreload.take(), "taken once");
    }

    @Test
    void aUserFileReplacingALibraryFileShouldWinOverItsPreloadedCompile() throws IOException {
        Path kernel = Files.writeString(dir.resolve("kernel.vigil"),
                "pattern mine { match kernel where message contains \"mine\" type t summary \"s\" }\n");

        LibraryPreload.start();
        PatternLoader.Result result = PatternLoader.load(List.of(kernel));

        assertEquals("", result.render());
        assertEquals(kernel.toString(), result.patterns().byName("mine").map(CompiledPattern::path).orElseThrow());
        assertTrue(result.patterns().byName("kernel_oom_kill").isEmpty(), "the library's kernel.vigil is replaced");
        assertTrue(result.patterns().byName("systemd_restart_burst").isPresent());
    }

    @Test
    void aUserFileShouldStillBeLintedAfterAPreload() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.vigil"), "pattern p {\n  match kernal\n  type t\n  summary \"s\"\n}\n");

        LibraryPreload.start();
        PatternLoader.Result result = PatternLoader.load(List.of(broken));

        assertEquals(List.of(broken + ":2:9: error[unknown-source]: unknown source 'kernal'"),
                result.diagnostics().stream().map(d -> d.headline()).toList());
    }
}
