package dev.vigil.patterns.lang;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One problem in a pattern file, rendered like compiler output:
 *
 * <pre>
 * crashloop.vigil:7:9: error[unknown-duration-unit]: unknown unit 'mins' in '5mins'
 *   quiet 5mins
 *         ^
 *   hint: use one of ms, s, m, h, d (e.g. '5m')
 * </pre>
 *
 * @param path the file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 * @param severity error (the file is rejected) or warning
 * @param code stable machine code, e.g. {@code unknown-field}
 * @param message what is wrong, quoting the offending text
 * @param hint what to do about it; empty when there is nothing useful to say
 */
public record Diagnostic(String path, int line, int column, Severity severity, String code,
                         String message, String hint) {

    /** How bad a problem is. */
    public enum Severity {
        ERROR,
        WARNING;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Orders diagnostics as a reader meets them: by file, line, column. */
    public static final Comparator<Diagnostic> BY_POSITION = Comparator.comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column);

    public Diagnostic {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    /** An error at {@code pos}. */
    public static Diagnostic error(String path, Pos pos, String code, String message, String hint) {
        return new Diagnostic(path, pos.line(), pos.column(), Severity.ERROR, code, message, hint);
    }

    /** A warning at {@code pos}. */
    public static Diagnostic warning(String path, Pos pos, String code, String message, String hint) {
        return new Diagnostic(path, pos.line(), pos.column(), Severity.WARNING, code, message, hint);
    }

    /** True when any of the diagnostics is an error. */
    public static boolean anyError(Collection<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Renders each diagnostic with the text of its own file, looked up by path. */
    public static String renderAll(List<Diagnostic> diagnostics, Function<String, String> textOfPath) {
        return diagnostics.stream().map(d -> d.render(textOfPath.apply(d.path()))).collect(Collectors.joining());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line only: {@code file:line:col: error[code]: message}. */
    public String headline() {
        return path + ":" + line + ":" + column + ": " + severity.label() + "[" + code + "]: " + message;
    }

    /** The full text: headline, the source line, a caret under the column, then the hint. */
    public String render(String sourceText) {
        StringBuilder out = new StringBuilder(headline()).append('\n');
        List<String> lines = sourceText.lines().toList();
        if (line <= lines.size() + 1) {
            // one past the last line is where the end of the file is reported
            String src = line <= lines.size() ? lines.get(line - 1) : "";
            out.append("  ").append(src).append('\n');
            out.append("  ").append(caretIndent(src)).append("^\n");
        }
        if (!hint.isEmpty()) {
            out.append("  hint: ").append(hint).append('\n');
        }
        return out.toString();
    }

    /** Keeps tabs so the caret lines up under the same column as in the source line. */
    private String caretIndent(String src) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            pad.append(i < src.length() && src.charAt(i) == '\t' ? '\t' : ' ');
        }
        return pad.toString();
    }
}
