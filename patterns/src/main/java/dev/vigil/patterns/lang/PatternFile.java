package dev.vigil.patterns.lang;

import java.util.List;

/** A parsed pattern file: its path, its text (for rendering diagnostics) and its patterns. */
public record PatternFile(String path, String text, List<PatternDecl> patterns) {
    public PatternFile {
        patterns = List.copyOf(patterns);
    }
}
