package dev.vigil.patterns.compile;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One event selector of a pattern: the {@code match} of a single-event, threshold or
 * signature pattern, each {@code step} of a sequence, the stream of an absence, the graceful
 * marker and the cause filter. Its regexes were compiled once, at load.
 */
public final class Step {
    private final String name;
    private final Source source;
    private final EventCondition condition;
    private final Set<String> requiredLiterals;
    /**
     * Without required literals, the literals or priorities an event it matches must have; null when none is
     * known, and always null beside required literals (the compiler gives it only without them).
     */
    private final PriorityGuard priorityGuard;
    /**
     * The last event this step was tried on and what came of it: one event is asked about by the
     * prefilter's caller, the signature route and its signed copy, the cause and gather filters,
     * so a regex would otherwise run several times on one line. Events are immutable, so the same
     * instance gives the same answer; the slot is one volatile record, safe to share across threads.
     */
    private volatile Tried last;

    private record Tried(Event event, Optional<Match> match) {}

    /** The match of a condition that captures nothing (one that reads nothing, too): the same for every event. */
    private static final Optional<Match> WITHOUT_CAPTURES = Optional.of(new Match(Map.of()));

    /** The literal guards of the regexes the step runs on the message. */
    private final List<RegexGuard> messageGuards;

    /**
     * Whether the condition can capture anything: one that cannot is tested without a map of its
     * own and gives one shared match (a step is tried on every event its source and literals let
     * through, most of which it does not match).
     */
    private final boolean captures;

    Step(String name, Source source, EventCondition condition, Set<String> requiredLiterals, PriorityGuard priorityGuard,
            List<RegexGuard> messageGuards, boolean captures) {
        this.priorityGuard = priorityGuard;
        this.captures = captures;
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.condition = Objects.requireNonNull(condition, "condition");
        this.requiredLiterals = requiredLiterals == null ? null : Set.copyOf(requiredLiterals);
        this.messageGuards = List.copyOf(messageGuards);
    }

    /** {@code match} for a pattern's only step, the step's name in a sequence. */
    public String name() {
        return name;
    }

    /** The source the step is limited to; empty when any source will do. */
    public Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    /** The captures when the event matches, else empty. Linear time: regexes run on RE2/J. */
    public Optional<Match> match(Event e) {
        return match(e, LiteralHits.UNKNOWN);
    }

    /** As {@link #match(Event)}, sparing the regexes whose literals {@code hits} says the message lacks. */
    Optional<Match> match(Event e, LiteralHits hits) {
        if (source != null && e.source() != source) {
            return Optional.empty();
        }
        if (condition == EventCondition.ALWAYS) {
            return WITHOUT_CAPTURES;
        }
        Tried known = last;
        if (known != null && known.event() == e) {
            return known.match();
        }
        Optional<Match> m;
        if (captures) {
            Map<String, String> found = new HashMap<>();
            m = condition.test(e, found, hits) ? Optional.of(new Match(found)) : Optional.empty();
        } else {
            m = condition.test(e, Map.of(), hits) ? WITHOUT_CAPTURES : Optional.empty();
        }
        last = new Tried(e, m);
        return m;
    }

    /** The one match of a step that cannot capture ({@link #canCapture} false): every match of it is this one. */
    static Optional<Match> withoutCaptures() {
        return WITHOUT_CAPTURES;
    }

    /** Whether a match can carry captures; false when every match is the same empty one. */
    public boolean canCapture() {
        return captures;
    }

    /** True when {@link #match(Event)} would give a match. */
    public boolean matches(Event e) {
        return match(e).isPresent();
    }

    List<RegexGuard> messageGuards() {
        return messageGuards;
    }

    /**
     * Lower-case texts of which the message must contain at least one for the step to match;
     * empty when no such set is known (the step must be tried on every event of its source).
     */
    public Optional<Set<String>> requiredLiterals() {
        return Optional.ofNullable(requiredLiterals);
    }

    /** Without required literals: the literals one of which, or the priorities one of which, a matching event has. */
    Optional<PriorityGuard> priorityGuard() {
        return Optional.ofNullable(priorityGuard);
    }
}
