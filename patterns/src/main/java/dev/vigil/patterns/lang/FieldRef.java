package dev.vigil.patterns.lang;

import java.util.List;

/** A dotted name as written: {@code unit}, {@code fields.N_RESTARTS}, {@code kill.victim_pid}. */
public record FieldRef(List<String> parts, Pos pos) {
    public FieldRef {
        parts = List.copyOf(parts);
    }

    /** The name as the user wrote it, parts joined by dots. */
    public String dotted() {
        return String.join(".", parts);
    }
}
