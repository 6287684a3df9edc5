package dev.vigil.shippers.file;

/**
 * Decides whether a line continues the event before it: stack traces of Java
 * ({@code \tat ...}, {@code Caused by: ...}, {@code ... 3 more}) and Python
 * ({@code Traceback (most recent call last):}, indented frames, and the unindented exception line
 * that ends the traceback), and indented lines in general. A line that is a whole JSON object
 * (a structured logger's event) always starts an event, even right after a traceback. The rule
 * of a log whose lines carry no stamp Vigil reads, and of a container's output ({@link Framing}).
 */
public final class MultilineRule {
    private MultilineRule() {}

    /** True when {@code line} belongs to the event before it. */
    public static boolean continues(String line, boolean inTraceback) {
        if (line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            return true;
        }
        if (first == '{' && StructuredLineTime.isJsonObject(line)) {
            return false;
        }
        if (line.startsWith("Caused by:") || line.startsWith("Traceback (most recent call last):")
                || line.startsWith("During handling of the above exception")
                || line.startsWith("The above exception was the direct cause")) {
            return true;
        }
        // the exception line that closes a Python traceback, e.g. "ModuleNotFoundError: No module named 'x'"
        return inTraceback;
    }

    /** True when a traceback is still open after {@code line} was joined. */
    public static boolean inTracebackAfter(String line, boolean inTraceback) {
        if (line.startsWith("Traceback (most recent call last):")) {
            return true;
        }
        if (!inTraceback || line.isEmpty()) {
            return inTraceback;
        }
        char first = line.charAt(0);
        return first == ' ' || first == '\t' || line.startsWith("During handling")
                || line.startsWith("The above exception");
    }
}
