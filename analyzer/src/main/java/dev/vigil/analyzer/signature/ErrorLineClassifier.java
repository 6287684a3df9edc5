package dev.vigil.analyzer.signature;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.util.Objects;

/**
 * Tells which events are error lines, the ones error signatures are mined from: for journald
 * and kernel events a syslog priority at or below {@link #maxErrorPriority()} (3, {@code err}, by
 * default); for application files, and for journald lines without a priority, a level word
 * ({@code ERROR}, {@code FATAL}, {@code CRITICAL}, {@code CRIT}, {@code SEVERE}, {@code PANIC},
 * {@code EMERG}, {@code ALERT}) as a whole upper-case word, or in any case when it is marked as
 * a level ({@code [error]}, {@code <error>}, {@code level=error}, {@code error:} at the start),
 * or a message that starts with an exception name and a colon: the last line of a Python
 * traceback ({@code ModuleNotFoundError: …}) or a Java exception ({@code java.io.IOException: …}).
 * Plain prose such as {@code parity error corrected} is not an error line. A line that says
 * {@code Traceback (most recent call last):} only announces the error; the line that ends the
 * traceback is the one classified. Shipper observations are never error lines.
 */
public final class ErrorLineClassifier {

    private static final String[] LEVEL_WORDS = {"ERROR", "FATAL", "CRITICAL", "CRIT", "SEVERE", "PANIC", "EMERG", "ALERT"};

    private final int maxErrorPriority;

    /** Priority 3 ({@code err}) and below count as errors. */
    public ErrorLineClassifier() {
        this(3);
    }

    /** @param maxErrorPriority highest syslog priority (0..7) that still counts as an error */
    public ErrorLineClassifier(int maxErrorPriority) {
        if (maxErrorPriority < 0 || maxErrorPriority > 7) {
            throw new IllegalArgumentException("maxErrorPriority out of 0..7: " + maxErrorPriority);
        }
        this.maxErrorPriority = maxErrorPriority;
    }

    public int maxErrorPriority() {
        return maxErrorPriority;
    }

    /** True when the event is an error line. */
    public boolean isError(Event event) {
        Objects.requireNonNull(event, "event");
        if (event.source() == Source.SHIPPER) {
            return false;
        }
        if (event.priority() != null && event.source() != Source.FILE) {
            return event.priority() <= maxErrorPriority;
        }
        return isErrorText(event.message());
    }

    /** True when a message, judged by its text alone, reports an error. */
    public boolean isErrorText(String message) {
        return hasLevelWord(message) || endsTraceback(message);
    }

    private static boolean hasLevelWord(String s) {
        for (String word : LEVEL_WORDS) {
            int from = 0;
            int at;
            while ((at = indexOfIgnoreCase(s, word, from)) >= 0) {
                int end = at + word.length();
                if (isWordBoundary(s, at - 1) && isWordBoundary(s, end)
                        && (s.startsWith(word, at) || isMarkedAsLevel(s, at, end))) {
                    return true;
                }
                from = at + 1;
            }
        }
        return false;
    }

    private static boolean isMarkedAsLevel(String s, int at, int end) {
        char before = at > 0 ? s.charAt(at - 1) : ' ';
        char after = end < s.length() ? s.charAt(end) : ' ';
        return (before == '[' && after == ']') || (before == '<' && after == '>')
                || (before == '=' || before == '"' && at > 1 && s.charAt(at - 2) == ':')
                || (at == 0 && after == ':');
    }

    /**
     * A Python traceback ends with {@code Name: message} where Name ends in Error or Exception
     * ({@code ModuleNotFoundError: No module named 'asyncpg'}); Java prints
     * {@code java.lang.IllegalStateException: …} the same way.
     */
    private static boolean endsTraceback(String s) {
        String line = s.strip();
        int colon = line.indexOf(':');
        int space = line.indexOf(' ');
        boolean nameThenColon = colon > 0 && (space < 0 || space > colon);
        return nameThenColon && isExceptionName(line.substring(0, colon));
    }

    private static boolean isExceptionName(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if (simple.isEmpty() || !Character.isUpperCase(simple.charAt(0))) {
            return false;
        }
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '$') {
                return false;
            }
        }
        return simple.endsWith("Error") || simple.endsWith("Exception");
    }

    private static int indexOfIgnoreCase(String s, String word, int from) {
        for (int i = from; i + word.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWordBoundary(String s, int at) {
        return at < 0 || at >= s.length() || !Character.isLetterOrDigit(s.charAt(at));
    }
}
