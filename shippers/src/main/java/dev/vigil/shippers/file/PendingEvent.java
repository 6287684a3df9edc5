package dev.vigil.shippers.file;

import dev.vigil.shippers.container.ContainerRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A line, or lines joined by multiline rules, read and not shipped yet. A single line keeps its
 * decoded text as is: most events are one line, and copying each through a builder showed up in
 * the shipper's profile.
 */
final class PendingEvent {
    final long start;
    long end;
    final Instant readAt;
    Instant lastLineAt;
    int bytes;
    int lines;
    boolean inTraceback;
    /** The first line's stamp when it was read to frame the line; null when not read yet. */
    Optional<Instant> stamp;
    private String firstLine;
    /** The container log records of the first and the last line; null for other files. */
    private ContainerRecord record;
    private ContainerRecord lastRecord;
    private StringBuilder joined;
    /** Blank lines held ({@link Framing}), each with the newline before it; null when none. */
    private StringBuilder held;
    private int heldBytes;
    private Set<String> flags = Set.of();

    PendingEvent(long start, Instant readAt) {
        this.start = start;
        this.readAt = readAt;
        this.lastLineAt = readAt;
    }

    void append(DecodedLine line, long lineEnd, Instant at) {
        if (lines == 0) {
            firstLine = line.text();
            record = line.record();
        } else {
            if (joined == null) {
                joined = new StringBuilder(firstLine);
            }
            if (held != null) {
                joined.append(held);
                bytes += heldBytes;
                held = null;
                heldBytes = 0;
            }
            joined.append('\n').append(line.text());
            bytes++; // the newline counts against the cap too, so the event's text never exceeds it
            addFlags(Set.of("multiline"));
        }
        addFlags(line.flags());
        lastRecord = line.record();
        bytes += line.byteLength();
        end = lineEnd;
        lastLineAt = at;
        lines++;
        inTraceback = MultilineRule.inTracebackAfter(line.text(), inTraceback);
    }

    /** Holds a blank line: it joins the event's text only with a line appended after it, but the event spans it. */
    void hold(DecodedLine blank, long lineEnd, Instant at) {
        held = held == null ? new StringBuilder() : held;
        held.append('\n').append(blank.text());
        heldBytes += 1 + blank.byteLength();
        end = lineEnd;
        lastLineAt = at;
    }

    /** The event's size in bytes once {@code line} is appended. */
    int bytesWith(DecodedLine line) {
        return bytes + heldBytes + 1 + line.byteLength();
    }

    private void addFlags(Set<String> more) {
        if (more.isEmpty() || flags.containsAll(more)) {
            return;
        }
        Set<String> all = new TreeSet<>(flags);
        all.addAll(more);
        flags = all;
    }

    /** The event's text: its lines joined by newlines. */
    String text() {
        return joined == null ? firstLine : joined.toString();
    }

    String firstLine() {
        return firstLine;
    }

    ContainerRecord record() {
        return record;
    }

    ContainerRecord lastRecord() {
        return lastRecord;
    }

    Set<String> flags() {
        return flags;
    }
}
