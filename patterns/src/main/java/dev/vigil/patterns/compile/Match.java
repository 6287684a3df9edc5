package dev.vigil.patterns.compile;

import java.util.HashMap;
import java.util.Map;

/** A successful match of one step on one event: the named captures of its regexes. */
public record Match(Map<String, String> captures) {
    public Match {
        captures = Map.copyOf(captures);
    }

    /** The capture's value, or null when the regex that defines it did not take part. */
    public String capture(String name) {
        return captures.get(name);
    }

    /** The captures named {@code step.name}, as template variables of a sequence step. */
    public Map<String, String> qualified(String step) {
        Map<String, String> out = new HashMap<>();
        captures.forEach((k, v) -> out.put(step + "." + k, v));
        return out;
    }
}
