package dev.vigil.analyzer.replay;

import dev.vigil.shippers.file.MultilineRule;

/**
 * The text of one event being read, its first line and those joined to it, within the cap the file
 * shipper keeps ({@link LineSource#MAX_LINE_BYTES}), and whether a traceback is still open
 * ({@link MultilineRule#inTracebackAfter}). Blank lines may be held: they join only with a line
 * joined after them. Most events are one line: a builder is made only when a second joins.
 */
final class JoinedLines {
    private final String first;
    private StringBuilder joined;
    /** Blank lines held, each with the newline before it; null when none. */
    private StringBuilder held;
    private boolean inTraceback;

    JoinedLines(String first) {
        this.first = first;
        this.inTraceback = MultilineRule.inTracebackAfter(first, false);
    }

    boolean inTraceback() {
        return inTraceback;
    }

    /** Holds a blank line until a line joins after it. */
    void hold(String blank) {
        held = held == null ? new StringBuilder() : held;
        held.append('\n').append(blank);
    }

    /** Joins {@code line} (after the blank lines held) when the event stays within the cap; false, and nothing joined, when it would not. */
    boolean join(String line) {
        int length = (joined == null ? first.length() : joined.length()) + (held == null ? 0 : held.length());
        if (length + 1 + line.length() > LineSource.MAX_LINE_BYTES) {
            return false;
        }
        joined = joined == null ? new StringBuilder(first) : joined;
        if (held != null) {
            joined.append(held);
            held = null;
        }
        joined.append('\n').append(line);
        inTraceback = MultilineRule.inTracebackAfter(line, inTraceback);
        return true;
    }

    /** The event's text: its lines joined by newlines, no blank line held at its end. */
    String text() {
        return joined == null ? first : joined.toString();
    }
}
