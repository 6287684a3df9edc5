package dev.vigil.patterns.compile;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.patterns.redact.Redactor;
import dev.vigil.patterns.text.LiteralIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    /** By priority slot ({@link PriorityGuard#slot}), the patterns offered any event of that priority. */
    private final BitSet[] byPriority = new BitSet[PriorityGuard.SLOTS];
    /** By source ordinal: the patterns with a step that reads events of that source. */
    private final BitSet[] acceptingSource = new BitSet[Source.values().length];
    private final LiteralIndex literals;
    /**
     * The patterns' other selectors (cause and gather filters, graceful markers) that require
     * literals, by their id in {@link #literals} (after the patterns' ids): the one scan that
     * finds an event's candidates also tells which of them could match it.
     */
    private final Map<Step, Integer> filterIds = new IdentityHashMap<>();
    /** The guards of those selectors' message regexes, by their id in {@link #literals} (after the selectors'). */
    private final Map<RegexGuard, Integer> guardIds = new IdentityHashMap<>();
    /**
     * The last event's candidates, per thread: the analyzer asks for them up to three times per
     * event (does a signature pattern want it, the event's patterns, its signed copy's), by the
     * same instance, and threads that share the set (stream threads, replay's read-ahead and
     * engine) must not displace each other's.
     */
    private final ThreadLocal<Candidates> last = new ThreadLocal<>();
    private static final BitSet NO_REDACTIONS = new BitSet();
    /**
     * The candidate lists met so far, by the set of pattern ids: a log repeats a few shapes of
     * line, so the lists are built once each instead of per event. Bounded: past the limit a
     * list is built for its event alone.
     */
    private final Map<BitSet, List<CompiledPattern>> lists = new ConcurrentHashMap<>();
    private static final int MAX_LISTS = 4096;
    /**
     * By source ordinal, what an ASCII message's scan hits mean (candidates, selectors found,
     * redactions due), by the hits: a log repeats a few shapes of line, so the hits are taken
     * apart once each instead of per event (a few bit sets made and combined). Bounded as {@link #lists}.
     */
    private final List<Map<BitSet, Found>> foundBySource = new ArrayList<>();
    private final Redactor redactor;
    /** First id in {@link #literals} of the redactions' triggers, one per rule (after the guards'); -1 when not known. */
    private final int redactionIds;

    /** Patterns with the built-in redactions. */
    public PatternSet(List<CompiledPattern> patterns) {
        this(patterns, Redactor.defaults());
    }

    /** Patterns with the redactions their files declare. */
    public PatternSet(List<CompiledPattern> patterns, Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.patterns = leavingClaimedLines(patterns);
        Arrays.setAll(byPriority, i -> new BitSet());
        this.byName = new LinkedHashMap<>();
        Map<String, BitSet> literalToPatterns = new HashMap<>();
        for (int i = 0; i < this.patterns.size(); i++) {
            CompiledPattern p = this.patterns.get(i);
            if (byName.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("two patterns named '" + p.name() + "'");
            }
            index(i, p, literalToPatterns);
        }
        List<Step> filters = new ArrayList<>();
        for (CompiledPattern p : this.patterns) {
            p.cause().ifPresent(c -> filters.add(c.filter()));
            p.gather().ifPresent(g -> filters.add(g.filter()));
            p.absence().flatMap(AbsenceSpec::graceful).ifPresent(filters::add);
        }
        filters.forEach(f -> indexFilter(f, literalToPatterns));
        filters.forEach(f -> f.messageGuards().forEach(g -> indexGuard(g, literalToPatterns)));
        // the redactions' triggers too, so one scan also tells which redactions an event needs
        Map<String, BitSet> triggers = redactor.rulesByTrigger();
        this.redactionIds = triggers == null ? -1 : patterns.size() + filterIds.size() + guardIds.size();
        if (triggers != null) {
            triggers.forEach((t, rules) -> rules.stream().forEach(r ->
                    literalToPatterns.computeIfAbsent(t, k -> new BitSet()).set(redactionIds + r)));
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
            // the scan's meaning depends on the event's priority too: one map per source and priority slot
            for (int slot = 0; slot < PriorityGuard.SLOTS; slot++) {
                foundBySource.add(new ConcurrentHashMap<>());
            }
        }
    }

    /**
     * The patterns, each signature pattern that does not claim made to leave the lines a pattern
     * that claims reads: whichever file either comes from, so a user's pattern for one failure
     * also keeps the library's error signatures off its lines.
     */
    private List<CompiledPattern> leavingClaimedLines(List<CompiledPattern> given) {
        List<CompiledPattern> claimants = given.stream().filter(CompiledPattern::claims).toList();
        if (claimants.isEmpty()) {
            return List.copyOf(given);
        }
        CompiledPattern.Claims claims = new CompiledPattern.Claims(claimants, this::claimed);
        return given.stream()
                .map(p -> p.kind() != PatternKind.SIGNATURE || p.claims() || p.leavesLinesOf(claimants) ? p : p.leaving(claims))
                .toList();
    }

    /**
     * Whether a pattern that claims reads {@code e} at one of its steps. Asked only of lines a
     * signature pattern's match took, and answered from the event's candidates (the scan made for
     * it already), so a claiming pattern's regexes run only on lines holding its literals.
     */
    private boolean claimed(Event e) {
        // by index: a stream or iterator per signature line stays an allocation under the launcher's inlining limits
        List<CompiledPattern> candidates = candidates(e);
        for (int i = 0; i < candidates.size(); i++) {
            CompiledPattern c = candidates.get(i);
            if (c.claims() && anyStepMatches(c, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyStepMatches(CompiledPattern p, Event e) {
        List<Step> steps = p.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).matches(e)) {
                return true;
            }
        }
        return false;
    }

    /** The empty set. */
    public static PatternSet empty() {
        return new PatternSet(List.of());
    }

    private void index(int id, CompiledPattern p, Map<String, BitSet> literalToPatterns) {
        for (Step step : p.steps()) {
            Optional<Set<String>> required = step.requiredLiterals().or(() -> step.priorityGuard().map(PriorityGuard::literals));
            if (required.isEmpty()) {
                unfiltered.set(id);
                return;
            }
            for (String literal : required.get()) {
                literalToPatterns.computeIfAbsent(literal, k -> new BitSet()).set(id);
            }
            step.priorityGuard().ifPresent(g -> g.priorities().stream().forEach(slot -> byPriority[slot].set(id)));
        }
    }

    private void indexFilter(Step step, Map<String, BitSet> literalToIds) {
        Optional<Set<String>> required = step.requiredLiterals();
        if (required.isEmpty() || filterIds.containsKey(step)) {
            return;
        }
        int id = patterns.size() + filterIds.size();
        filterIds.put(step, id);
        for (String literal : required.get()) {
            literalToIds.computeIfAbsent(literal, k -> new BitSet()).set(id);
        }
    }

    private void indexGuard(RegexGuard guard, Map<String, BitSet> literalToIds) {
        List<String> lower = guard.lowerCaseLiterals();
        if (lower == null || guardIds.containsKey(guard)) {
            return;
        }
        int id = patterns.size() + filterIds.size() + guardIds.size();
        guardIds.put(guard, id);
        for (String literal : lower) {
            literalToIds.computeIfAbsent(literal, k -> new BitSet()).set(id);
        }
    }

    /** All patterns, in load order. */
    public List<CompiledPattern> patterns() {
        return patterns;
    }

    /** The index of every literal the set's scan looks for (its tests compare its scans). */
    LiteralIndex literalIndex() {
        return literals;
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
     * pattern left out cannot match. Cause and gather filters and graceful markers are not
     * candidates; the engine runs those through {@link #match(Step, Event)}, which the same scan
     * serves.
     */
    public List<CompiledPattern> candidates(Event e) {
        return scanned(e).patterns();
    }

    /**
     * The match of {@code step}, a cause or gather filter or graceful marker of one of the set's
     * patterns, on {@code e}: without running it when the message lacks every literal it requires
     * (found by the scan {@link #candidates} makes, once per event).
     */
    public Optional<Match> match(Step step, Event e) {
        BitSet found = scanned(e).filters();
        if (found == null) {
            return step.match(e);
        }
        int slot = selectorSlot(step);
        if (slot >= 0 && !found.get(slot)) {
            return Optional.empty();
        }
        return step.match(e, guard -> {
            Integer g = guardIds.get(guard);
            return g == null || found.get(g - patterns.size());
        });
    }

    /**
     * A cause or gather filter's or graceful marker's place in {@link #selectorsFound}: -1 when it
     * requires no literal (it is run on every event). Looked up once per set by a caller that
     * asks about many selectors per event, so an event none of them could take costs a bit test each.
     */
    public int selectorSlot(Step step) {
        Integer id = filterIds.get(step);
        return id == null ? -1 : id - patterns.size();
    }

    /**
     * By {@link #selectorSlot}, the selectors whose literals {@code e}'s message holds (from the scan
     * that found its candidates); a selector whose bit is clear cannot match it. Null when not known
     * (a message beyond ASCII): then ask {@link #match}. Read only.
     */
    public BitSet selectorsFound(Event e) {
        return scanned(e).filters();
    }

    private Candidates scanned(Event e) {
        Candidates known = last.get();
        if (known != null && known.event() == e) {
            return known;
        }
        Candidates found = scan(e);
        last.set(found);
        return found;
    }

    /**
     * An event's candidate patterns, and by id (from 0, selectors then guards) the literals found
     * of the other selectors and their guards; null for a message beyond ASCII, whose case folding
     * the regexes may do otherwise than lowering the text (RE2 folds 'ſ' to 's').
     */
    private record Candidates(Event event, List<CompiledPattern> patterns, BitSet filters, BitSet redactions) {}

    /** What the hits of a scan of an ASCII message of one source mean; read only. */
    private record Found(List<CompiledPattern> patterns, BitSet filters, BitSet redactions) {}

    private Candidates scan(Event e) {
        // an ASCII message is folded by the automaton's table; any other is lowered first, as it always was
        BitSet ids = literals.scanAscii(e.message());
        if (ids == null) {
            ids = literals.scan(e.message().toLowerCase(Locale.ROOT));
            return new Candidates(e, candidates(e, ids), null, null);
        }
        Map<BitSet, Found> known = foundBySource.get(e.source().ordinal() * PriorityGuard.SLOTS + PriorityGuard.slot(e.priority()));
        Found found = known.get(ids);
        if (found == null) {
            // the hits are the key: taken apart on a copy, they stay as the scan found them
            found = found(e, (BitSet) ids.clone());
            if (known.size() < MAX_LISTS) {
                known.putIfAbsent(ids, found);
            }
        }
        return new Candidates(e, found.patterns(), found.filters(), found.redactions());
    }

    private Found found(Event e, BitSet ids) {
        BitSet filters = ids.get(patterns.size(), patterns.size() + filterIds.size() + guardIds.size());
        BitSet redactions = redactionIds < 0 ? null
                : ids.nextSetBit(redactionIds) < 0 ? NO_REDACTIONS : ids.get(redactionIds, ids.length());
        return new Found(candidates(e, ids), filters, redactions);
    }

    private List<CompiledPattern> candidates(Event e, BitSet ids) {
        ids.or(unfiltered);
        ids.or(byPriority[PriorityGuard.slot(e.priority())]);
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

    /**
     * What the scan of {@code e} found (its candidates), for this set or one of the same patterns
     * to {@link #take} on another thread: one that runs the engine on {@code e} later, without
     * scanning it again.
     */
    public Scan scanOf(Event e) {
        return new Scan(scanned(e));
    }

    /** Takes a {@link #scanOf} an event as this thread's: asked about that event next, it does not scan it. */
    public void take(Scan scan) {
        last.set(scan.found);
    }

    /** One event's scan by a set (see {@link #scanOf}); opaque, for a set of the same patterns to take. */
    public static final class Scan {
        private final Candidates found;

        private Scan(Candidates found) {
            this.found = found;
        }

        /**
         * The redactions whose triggers the event's message holds, for {@link Redactor#redactDue}
         * (empty: it would give the message back as it is); null when not known (a message beyond
         * ASCII, or a redaction whose triggers are not known): then {@link Redactor#redact} it.
         * Read only.
         */
        public BitSet redactions() {
            return found.redactions();
        }
    }
}
