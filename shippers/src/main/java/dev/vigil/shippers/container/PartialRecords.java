package dev.vigil.shippers.container;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins a stream's partial records into the line the container wrote: a runtime cuts a long line
 * (containerd and Docker at 16 KiB, CRI-O at its buffer's size) into records that all but the
 * last mark partial. Each stream is joined on its own, as stdout's and stderr's records may
 * interleave. A joined line keeps its first record's time and where that record starts.
 */
public final class PartialRecords {
    private final int maxChars;
    private final Map<String, Held> held = new HashMap<>(4);

    /** Joins up to {@code maxChars} of a line; what a longer line has past that is dropped and the line marked truncated. */
    public PartialRecords(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * A line and where its first record starts.
     *
     * @param record the whole line as one record; still {@code partial} only when {@link #drain} gave it
     * @param start the position (offset or line number, as the caller counts) of its first record
     * @param truncated true when the line was longer than the cap and its end was dropped
     */
    public record Line(ContainerRecord record, long start, boolean truncated) {}

    /** The line {@code r} (read at {@code at}) completes, or null while it is partial and held for the rest. */
    public Line add(ContainerRecord r, long at) {
        Held h = held.get(r.stream());
        if (h == null) {
            if (!r.partial()) {
                return new Line(r, at, false);
            }
            held.put(r.stream(), new Held(r, at));
            return null;
        }
        h.append(r, maxChars);
        if (r.partial()) {
            return null;
        }
        held.remove(r.stream());
        return new Line(h.record, h.start, h.truncated);
    }

    /** True while a partial record waits for the rest of its line. */
    public boolean holding() {
        return !held.isEmpty();
    }

    /**
     * Where the earliest line held starts; {@link Long#MAX_VALUE} when none is. A reader that saves
     * its position saves no later one while a line is held, so a restart reads the line again.
     */
    public long heldFrom() {
        long from = Long.MAX_VALUE;
        for (Held h : held.values()) {
            from = Math.min(from, h.start);
        }
        return from;
    }

    /** The lines held, as far as they came (the end of the input, or a file read to its end), by start; then none is held. */
    public List<Line> drain() {
        List<Line> lines = new ArrayList<>();
        held.values().stream().sorted((a, b) -> Long.compare(a.start, b.start))
                .forEach(h -> lines.add(new Line(h.record, h.start, h.truncated)));
        held.clear();
        return lines;
    }

    private static final class Held {
        ContainerRecord record;
        final long start;
        boolean truncated;

        Held(ContainerRecord first, long start) {
            this.record = first;
            this.start = start;
        }

        void append(ContainerRecord more, int maxChars) {
            int room = maxChars - record.content().length();
            if (more.content().length() > room) {
                truncated = true;
                more = new ContainerRecord(more.time(), more.stream(), more.partial(),
                        more.content().substring(0, Math.max(0, room)), more.attrs());
            }
            record = record.joinedWith(more);
        }
    }
}
