package dev.vigil.patterns.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LibraryCompilesTest {
    @Test
    void shouldCompileTheStandardLibraryWithoutAnyDiagnostic() {
        PatternLoader.Result result = PatternLoader.loadLibrary();

        assertEquals("", result.render());
    }
}
