package dev.vigil.patterns.compile;

import dev.vigil.patterns.event.Event;
import java.util.Map;

/**
 * A compiled {@code where} condition; a regex that matches adds its named captures. {@code hits}
 * says which regexes on the message cannot match, from a scan made for the event already.
 */
@FunctionalInterface
interface EventCondition {
    EventCondition ALWAYS = (e, captures, hits) -> true;

    boolean test(Event e, Map<String, String> captures, LiteralHits hits);
}
