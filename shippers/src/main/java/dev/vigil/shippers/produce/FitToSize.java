package dev.vigil.shippers.produce;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Cuts the one long part of a record (an event's message, a dead letter's raw input) from its end
 * until the record's JSON fits: a record the broker refuses would hold its stream's checkpoint,
 * and so its source, forever.
 */
final class FitToSize {
    private FitToSize() {}

    /**
     * @param length the part's whole length, in the units {@code render} and {@code boundary} take
     * @param maxBytes the largest JSON the broker takes
     * @param render the record's JSON with the first {@code keep} units of the part
     * @param boundary a cut moved back so as not to split a character
     * @return the JSON with as much of the part as fits (nothing of it when even that does not)
     */
    static byte[] cut(int length, int maxBytes, IntFunction<byte[]> render, IntUnaryOperator boundary) {
        int overhead = render.apply(0).length;
        byte[] json = render.apply(length);
        int keep = length;
        while (json.length > maxBytes && keep > 0) {
            // scale by how much of the JSON the part takes, then keep 5 % off for escapes
            keep = (int) ((long) keep * Math.max(0, maxBytes - overhead) / Math.max(1, json.length - overhead) * 95 / 100);
            keep = boundary.applyAsInt(keep);
            json = render.apply(keep);
        }
        return json;
    }
}
