package dev.vigil.shippers.file;

import java.util.Objects;

/**
 * One path or glob to tail.
 *
 * @param glob absolute path, or glob in {@link java.nio.file.FileSystem#getPathMatcher} syntax
 *     ({@code /var/log/app/*.log}, {@code /srv/**}/{@code *.log})
 * @param multiline join continuation lines to the line they continue ({@link Framing}); default true
 * @param format how lines become events; default {@link FileFormat#AUTO}
 * @param pattern the file's own multiline rule, or null (the default) for the built-in
 *     {@link Framing}; used only when {@code multiline} is on
 */
public record FileInput(String glob, boolean multiline, FileFormat format, MultilinePattern pattern) {
    public FileInput {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(format, "format");
        if (!glob.startsWith("/")) {
            throw new IllegalArgumentException("file glob must be absolute: '" + glob + "'");
        }
    }

    /** Tails {@code glob} with the built-in multiline rule. */
    public FileInput(String glob, boolean multiline, FileFormat format) {
        this(glob, multiline, format, null);
    }

    /** Tails {@code glob}, its format detected. */
    public FileInput(String glob, boolean multiline) {
        this(glob, multiline, FileFormat.AUTO);
    }

    /** True when the glob is one file's path: no part of it is a wildcard. */
    public boolean namesOneFile() {
        return !hasGlobChars(glob);
    }

    /** Whether {@code part} of a glob holds a wildcard or a choice. */
    static boolean hasGlobChars(String part) {
        return part.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Tails {@code glob} with multiline joining on, its format detected. */
    public static FileInput of(String glob) {
        return new FileInput(glob, true);
    }
}
