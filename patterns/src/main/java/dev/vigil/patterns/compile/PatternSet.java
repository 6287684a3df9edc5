package dev.vigil.patterns.compile;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.redact.Redactor;
import dev.vigil.patterns.text.LiteralIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded, immutable set of patterns and the prefilter over them. {@link #candidates(Event)}
 * scans the message once for the literals the patterns' regexes require, so an event is only
 * handed to the few patterns that could match it, not to every pattern's regexes.
 */
public final class PatternSet {
    private final List<CompiledPattern> patterns;
    private final Map<String, CompiledPattern> byName;
    /** Patterns with a step that could match whatever the message says. */
    private final BitSet unfiltered = new BitSet();
    /** By source ordinal: the patterns with a step that reads events of that source. */
    private final BitSet[] acceptingSource = new BitSet[Source.values().length];
    private final LiteralIndex literals;
    /**
     * The last event's candidates: the analyzer asks for them up to three times per event (does
     * a signature pattern want it, the event's patterns, its signed copy's), by the same instance.
     */
    private volatile Candidates last;
    /**
     * The candidate lists met so far, by the set of pattern ids: a log repeats a few shapes of
     * line, so the lists are built once each instead of per event. Bounded: past the limit a
     * list is built for its event alone.
     */
    private final Map<BitSet, List<CompiledPattern>> lists = new ConcurrentHashMap<>();
    private static final int MAX_LISTS = 4096;
    private final Redactor redactor;

    /** Patterns with the built-in redactions. */
    public PatternSet(List<CompiledPattern> patterns) {
        this(patterns, Redactor.defaults());
    }

    /** Patterns with the redactions their files declare. */
    public PatternSet(List<CompiledPattern> patterns, Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.patterns = List.copyOf(patterns);
        this.byName = new LinkedHashMap<>();
        Map<String, BitSet> literalToPatterns = new HashMap<>();
        for (int i = 0; i < this.patterns.size(); i++) {
            CompiledPattern p = this.patterns.get(i);
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("two patterns named '" + p.name() + "'");
            }
            index(i, p, literalToPatterns);
        }
        this.literals = LiteralIndex.ignoringAsciiCase(literalToPatterns);
        for (Source source : Source.values()) {
            BitSet accepting = new BitSet();
            for (int i = 0; i < this.patterns.size(); i++) {
                if (acceptsSource(this.patterns.get(i), source)) {
                    accepting.set(i);
                }
            }
            acceptingSource[source.ordinal()] = accepting;
        }
    }

    /** The empty set. */
    public static PatternSet empty() {
        return new PatternSet(List.of());
    }

    private void index(int id, CompiledPattern p, Map<String, BitSet> literalToPatterns) {
        for (Step step : p.steps()) {
            Optional<Set<String>> required = step.requiredLiterals();
            if (required.isEmpty()) {
                unfiltered.set(id);
                return;
            }
            for (String literal : required.get()) {
                literalToPatterns.computeIfAbsent(literal, k -> new BitSet()).set(id);
            }
        }
    }

    /** All patterns, in load order. */
    public List<CompiledPattern> patterns() {
        return patterns;
    }

    /** True when a pattern of the set has a {@code link} clause: only then is an opening incident looked up against the others. */
    public boolean hasLinks() {
        return patterns.stream().anyMatch(p -> p.link().isPresent());
    }

    public Optional<CompiledPattern> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public int size() {
        return patterns.size();
    }

    /** What is removed from event text before patterns, signatures, incidents or dead letters see it. */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * The patterns one of whose steps could match {@code e}: its source fits and, when the step
     * requires literals, one of them occurs in the message (case-insensitively). Sound: a
     * pattern left out cannot match. Cause filters and graceful markers are not covered; the
     * engine runs those on the events of their stream.
     */
    public List<CompiledPattern> candidates(Event e) {
        Candidates known = last;
        if (known != null && known.event() == e) {
            return known.patterns();
        }
        List<CompiledPattern> found = scan(e);
        last = new Candidates(e, found);
        return found;
    }

    private record Candidates(Event event, List<CompiledPattern> patterns) {}

    private List<CompiledPattern> scan(Event e) {
        // an ASCII message is folded by the automaton's table; any other is lowered first, as it always was
        BitSet ids = literals.scanAscii(e.message());
        if (ids == null) {
            ids = literals.scan(e.message().toLowerCase(Locale.ROOT));
        }
        ids.or(unfiltered);
        ids.and(acceptingSource[e.source().ordinal()]);
        List<CompiledPattern> known = lists.get(ids);
        if (known != null) {
            return known;
        }
        List<CompiledPattern> out = new ArrayList<>(ids.cardinality());
        for (int i = ids.nextSetBit(0); i >= 0; i = ids.nextSetBit(i + 1)) {
            out.add(patterns.get(i));
        }
        List<CompiledPattern> list = Collections.unmodifiableList(out);
        if (lists.size() < MAX_LISTS) {
            lists.putIfAbsent(ids, list);
        }
        return list;
    }

    private static boolean acceptsSource(CompiledPattern p, Source source) {
        return p.steps().stream().anyMatch(s -> s.source().map(source::equals).orElse(true));
    }
}
