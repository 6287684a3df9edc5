package dev.vigil.patterns.lang;

import java.util.List;

/** A parsed pattern file: its path, its text (for rendering diagnostics), its patterns and redactions. */
public record PatternFile(String path, String text, List<PatternDecl> patterns, List<RedactDecl> redactions) {
    public PatternFile {
        patterns = List.copyOf(patterns);
        redactions = List.copyOf(redactions);
    }

    /** A file without redactions. */
    public PatternFile(String path, String text, List<PatternDecl> patterns) {
        this(path, text, patterns, List.of());
    }
}
