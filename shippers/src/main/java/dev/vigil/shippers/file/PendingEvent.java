package dev.vigil.shippers.file;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A line, or lines joined by multiline rules, read and not shipped yet. */
final class PendingEvent {
    final long start;
    long end;
    final StringBuilder text = new StringBuilder();
    final Set<String> flags = new TreeSet<>();
    final Instant readAt;
    Instant lastLineAt;
    int bytes;
    int lines;
    boolean inTraceback;

    PendingEvent(long start, Instant readAt) {
        this.start = start;
        this.readAt = readAt;
        this.lastLineAt = readAt;
    }

    void append(DecodedLine line, long lineEnd, Instant at) {
        if (lines > 0) {
            text.append('\n');
            flags.add("multiline");
        }
        text.append(line.text());
        flags.addAll(line.flags());
        bytes += line.byteLength();
        end = lineEnd;
        lastLineAt = at;
        lines++;
        inTraceback = MultilineRule.inTracebackAfter(line.text(), inTraceback);
    }

    String firstLine() {
        int nl = text.indexOf("\n");
        return nl < 0 ? text.toString() : text.substring(0, nl);
    }
}
