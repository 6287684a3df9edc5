package dev.vigil.patterns.compile;

import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lang.Pos;
import java.util.ArrayList;
import java.util.List;

/** The errors found while compiling one file, with whether the current pattern failed. */
final class Problems {
    private final String path;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private boolean patternFailed;
    private boolean regexFailed;

    Problems(String path) {
        this.path = path;
    }

    /** The file the problems are of. */
    String path() {
        return path;
    }

    void error(Pos pos, String code, String message, String hint) {
        diagnostics.add(Diagnostic.error(path, pos, code, message, hint));
        patternFailed = true;
    }

    void regexError(Pos pos, String message, String hint) {
        regexError(pos, "bad-regex", message, hint);
    }

    void regexError(Pos pos, String code, String message, String hint) {
        error(pos, code, message, hint);
        regexFailed = true;
    }

    /** Starts a new pattern: its failure flags start clear. */
    void startPattern() {
        patternFailed = false;
        regexFailed = false;
    }

    boolean patternFailed() {
        return patternFailed;
    }

    /** True when a regex of this pattern failed, so its captures are unknown. */
    boolean regexFailed() {
        return regexFailed;
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
