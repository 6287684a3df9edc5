package dev.vigil.patterns.compile;

import dev.vigil.patterns.event.Event;
import java.util.Map;

/** A compiled {@code where} condition; a regex that matches adds its named captures. */
@FunctionalInterface
interface EventCondition {
    EventCondition ALWAYS = (e, captures) -> true;

    boolean test(Event e, Map<String, String> captures);
}
