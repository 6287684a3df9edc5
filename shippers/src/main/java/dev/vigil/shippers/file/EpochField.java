package dev.vigil.shippers.file;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The word of a file's lines that holds epoch seconds when the line starts with something else: a
 * record number, a node, a component (HPC cluster logs: {@code 134681 node-246 unix.hw
 * state_change.unavailable 1077804742 1 Component State Change: ...}). One line cannot tell such a
 * word from a count or an id; the head of its file can: the same word of nearly every line is ten
 * digits of a time between 2000 and 2100, and all of them lie within a year.
 */
final class EpochField {
    /** No word of the file holds its time. */
    static final int NONE = -1;
    /** Words after the first looked at: a time comes early in a line. */
    private static final int MAX_WORD = 8;
    /** Lines of a head, at least, that must tell. */
    private static final int MIN_LINES = 3;
    private static final Duration MAX_SPREAD = Duration.ofDays(366);

    private EpochField() {}

    /** The index (1 for the second word) of the word of {@code head}'s lines that holds their time, or {@link #NONE}. */
    static int of(List<String> head) {
        int lines = 0;
        for (String line : head) {
            lines += line.isBlank() ? 0 : 1;
        }
        if (lines < MIN_LINES) {
            return NONE;
        }
        for (int word = 1; word < MAX_WORD; word++) {
            int found = 0;
            Instant min = Instant.MAX;
            Instant max = Instant.MIN;
            for (String line : head) {
                Instant at = read(line, word);
                if (at != null) {
                    found++;
                    min = at.isBefore(min) ? at : min;
                    max = at.isAfter(max) ? at : max;
                }
            }
            if (found * 10 >= lines * 9 && Duration.between(min, max).compareTo(MAX_SPREAD) <= 0) {
                return word;
            }
        }
        return NONE;
    }

    /** The epoch seconds of word {@code word} of {@code line} (words split by single spaces); null when it holds none. */
    static Instant read(String line, int word) {
        int at = 0;
        for (int w = 0; w < word; w++) {
            at = line.indexOf(' ', at) + 1;
            if (at == 0) {
                return null;
            }
        }
        return LeadingStamps.fits(line, at, "dddddddddd") && (at + 10 == line.length() || line.charAt(at + 10) == ' ')
                ? LeadingStamps.epochSecond(line, at, at + 10, 0) : null;
    }
}
