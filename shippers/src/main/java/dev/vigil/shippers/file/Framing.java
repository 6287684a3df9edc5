package dev.vigil.shippers.file;

import dev.vigil.shippers.container.ContainerLogFormat;
import dev.vigil.shippers.container.ContainerRecord;

/**
 * How the lines of an application's log become events: one rule for the file shipper and replay.
 *
 * <p>When the log's lines carry stamps ({@link Head#isStamped}), a line without a stamp continues
 * the event before it: the unindented exception line under logback's or log4j's
 * {@code ERROR ... : failed}, a Go panic's {@code goroutine 1 [running]:} and function lines, the
 * rest of a multi-line SQL statement, a pretty-printed JSON body or a message with a newline in it.
 * A whole JSON object line is a structured logger's own event and never continues one. A blank
 * line is held: it joins only when a line that continues the event comes after it (Spring Boot
 * writes one between "Application run failed" and the exception, Go one between {@code panic:} and
 * the goroutines), else it is dropped, as it carries nothing.
 *
 * <p>In any other log the stamps say nothing and {@link MultilineRule} decides (indented and
 * traceback lines join; a blank line ends the event and makes none): joining every line without a stamp in a log whose stamps are not read
 * (a custom layout, a stamp form not known) would make the whole log one event.
 *
 * <p>A container log is judged on its records' output, the runtime's own stamps aside: an app that
 * stamps its lines is cut by its stamps, as in its own log file.
 */
public final class Framing {
    private Framing() {}

    /**
     * What of a line of a file the head is judged on: a container log record's output (each record
     * on its own, a partial one too), or the line itself in a text file ({@code records} null) or
     * when it is no record.
     */
    public static String output(String line, ContainerLogFormat records) {
        ContainerRecord r = records == null ? null : records.parse(line);
        return r == null ? line : r.content();
    }

    /** True when {@code line}, in a log whose lines carry stamps, continues the event before it. */
    public static boolean continuesStamped(String line, boolean hasStamp) {
        return !hasStamp && !StructuredLineTime.isJsonObject(line);
    }

    /**
     * What the head of a log says about all of it, read line by line from its first: whether its
     * lines carry stamps. Of the first {@link #SAMPLE} lines that are not blank (at most
     * {@link #SAMPLE_CHARS} characters of them), those {@link MultilineRule} would not join to the
     * line before start events; the log is stamped when at least half of those have a stamp. A
     * log's own continuation lines (frames, tracebacks) thus do not count against it, and a log
     * with no stamp read in its head is never stamped.
     */
    public static final class Head {
        /** How many lines that are not blank tell whether a log is stamped. */
        public static final int SAMPLE = 1_000;
        /** At most this many characters of them: a head of huge lines is judged on fewer. */
        public static final long SAMPLE_CHARS = 4L << 20;

        private int sampled;
        private long chars;
        private int starts;
        private int stampedStarts;
        private boolean inTraceback;

        /** Adds the next line of the log, once it is read whole; blank lines and lines past the sample count for nothing. */
        public void add(String line, boolean hasStamp) {
            if (isComplete() || line.isBlank()) {
                return;
            }
            chars += line.length() + 1;
            boolean joins = sampled++ > 0 && MultilineRule.continues(line, inTraceback);
            inTraceback = MultilineRule.inTracebackAfter(line, joins && inTraceback);
            if (!joins) {
                starts++;
                stampedStarts += hasStamp ? 1 : 0;
            }
        }

        /** True once the sample is full: later lines change nothing. */
        public boolean isComplete() {
            return sampled >= SAMPLE || chars >= SAMPLE_CHARS;
        }

        /** Whether the lines added so far say the log is stamped. */
        public boolean isStamped() {
            return stampedStarts > 0 && 2 * stampedStarts >= starts;
        }

        @Override
        public String toString() {
            return "sampled=" + sampled + " starts=" + starts + " stampedStarts=" + stampedStarts;
        }
    }
}
