package dev.vigil.patterns.event;

import java.time.Instant;
import java.util.Set;

/**
 * What {@link FlatEventReader} keeps on a thread from one event to the next, whose events never
 * outlive the parse that reads them: the fields to read into, their types cleared rather than
 * allocated and zeroed afresh for every event, and the last text of each field that mostly
 * repeats from one event of a stream to the next (a host, source, unit or file; not an id, a time
 * or a message), so the same text again is that string, with no copy, and keeps its hash for the
 * engine's lookups by it. The parse runs on the live stream thread, where the memory an event
 * touches costs most (bench/RESULTS.md).
 */
final class FlatReadScratch {
    private static final ThreadLocal<FlatReadScratch> OF_THREAD = ThreadLocal.withInitial(FlatReadScratch::new);
    private static final Set<String> REPEATING = Set.of("host", "source", "unit", "comm", "identifier", "message_id",
            "boot_id", "file");
    private static final boolean[] REPEATS = new boolean[RawEvent.NAMES.length];

    static {
        for (int slot = 0; slot < RawEvent.NAMES.length; slot++) {
            REPEATS[slot] = REPEATING.contains(RawEvent.NAMES[slot]);
        }
    }

    private final RawEvent raw = new RawEvent();
    private final String[] lastText = new String[RawEvent.NAMES.length];
    private final LastTime lastTime = new LastTime();

    private FlatReadScratch() {}

    /** This thread's. */
    static FlatReadScratch ofThread() {
        return OF_THREAD.get();
    }

    /** The fields, emptied, to read one event into; valid until the next call on this thread. */
    RawEvent emptyFields() {
        raw.clear();
        return raw;
    }

    /** The text the field in {@code slot} had last when it is one that repeats; else null. */
    String lastText(int slot) {
        return lastText[slot];
    }

    /** The instant of the {@code ts} text of {@code b} from {@code from} to {@code to}; null when it is not in the shippers' form. */
    Instant time(byte[] b, int from, int to) {
        return lastTime.read(b, from, to);
    }

    /** Keeps {@code text} as the last of the field in {@code slot}, when it is one that repeats. */
    void read(int slot, String text) {
        if (REPEATS[slot]) {
            lastText[slot] = text;
        }
    }
}
