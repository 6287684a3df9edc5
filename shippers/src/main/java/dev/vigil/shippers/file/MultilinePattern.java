package dev.vigil.shippers.file;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.Duration;

/**
 * A file's own rule for joining lines into one event, instead of the built-in one
 * ({@link Framing}): either lines matching {@code start} begin an event and all others
 * continue it, or lines matching {@code continuation} continue the event before them. Patterns
 * are RE2, found anywhere in the line (anchor with {@code ^}).
 *
 * @param start a line matching it begins an event; null when {@code continuation} is given
 * @param continuation a line matching it continues the event; null when {@code start} is given
 * @param maxLines an event holds at most this many lines; the next starts a new event
 * @param maxBytes an event holds at most this many bytes (the file's {@code max_line_bytes} bounds it too)
 * @param timeout an event is shipped when no line came for this long; null for the file tailer's
 *     {@code multiline_timeout}
 */
public record MultilinePattern(Pattern start, Pattern continuation, int maxLines, int maxBytes, Duration timeout) {
    /** Lines of an event at most, unless given. */
    public static final int DEFAULT_MAX_LINES = 500;

    public MultilinePattern {
        if ((start == null) == (continuation == null)) {
            throw new IllegalArgumentException("a multiline rule needs one of multiline.start= or multiline.continue=");
        }
        if (maxLines < 1) throw new IllegalArgumentException("multiline max lines < 1: " + maxLines);
        if (maxBytes < 1) throw new IllegalArgumentException("multiline max bytes < 1: " + maxBytes);
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("multiline timeout must be positive: " + timeout);
        }
    }

    /** Compiles {@code regex} (RE2), with the option name in the error. */
    public static Pattern compile(String option, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(option + " '" + regex + "' is not valid RE2: " + e.getDescription());
        }
    }

    /** True when {@code line} belongs to the event before it (size limits aside). */
    boolean continues(String line) {
        return start != null ? !start.matcher(line).find() : continuation.matcher(line).find();
    }

    @Override
    public String toString() {
        return (start != null ? "start=" + start.pattern() : "continue=" + continuation.pattern())
                + " maxLines=" + maxLines + " maxBytes=" + maxBytes + (timeout == null ? "" : " timeout=" + timeout);
    }
}
