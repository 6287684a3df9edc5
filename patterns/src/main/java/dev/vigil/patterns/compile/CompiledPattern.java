package dev.vigil.patterns.compile;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.testing.TestCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One pattern, ready to run: immutable, regexes compiled, no trace of the syntax. Which of the
 * optional parts are present follows from {@link #kind()}: THRESHOLD and SIGNATURE have a
 * {@link #threshold()}, SEQUENCE a {@link #sequence()} and several {@link #steps()}, ABSENCE an
 * {@link #absence()}. {@link #fingerprint()} changes exactly when the detection changes (not
 * with comments, layout, tests or wording), so the engine keeps the state of unchanged patterns
 * on reload.
 */
public final class CompiledPattern {
    /** Everything a pattern consists of, in one place, so the compiler passes one value. */
    record Parts(String name, String path, int line, String description, PatternKind kind, String type,
                 IncidentSeverity severity, List<Step> steps, List<String> groupBy, Threshold threshold,
                 SequenceSpec sequence, AbsenceSpec absence, boolean claims, CauseSpec cause, GatherSpec gather, LinkSpec link, LinkAnySpec linkAny, Duration quiet, QuietSame quietSame, Duration renotify,
                 Template subject, Template summary, Map<String, Template> labels, List<TestCase> tests,
                 String fingerprint) {
        Parts {
            steps = List.copyOf(steps);
            groupBy = List.copyOf(groupBy);
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            tests = List.copyOf(tests);
        }
    }

    private final Parts p;
    /**
     * For a signature pattern that does not claim, whether a pattern that claims reads a line
     * (set by the {@link PatternSet} holding both); null: it counts every line its match reads.
     */
    private final Claims claimed;
    /**
     * By group-by name, how it reads its event field (null for a name that is no field), looked up
     * once: every counted event and every line of a watched stream is grouped.
     */
    private final List<Function<Event, String>> groupFields;

    CompiledPattern(Parts parts) {
        this(parts, null);
    }

    private CompiledPattern(Parts parts, Claims claimed) {
        this.p = Objects.requireNonNull(parts, "parts");
        this.claimed = claimed;
        List<Function<Event, String>> fields = new ArrayList<>();
        for (String name : p.groupBy()) {
            fields.add(EventFields.isKnown(name) ? EventFields.reader(name) : null);
        }
        this.groupFields = Collections.unmodifiableList(fields);
    }

    /** The pattern's name, unique in a {@link PatternSet}. */
    public String name() { return p.name(); }

    /** The file the pattern came from, as given to the loader. */
    public String path() { return p.path(); }

    /** The line of {@code pattern NAME} in its file. */
    public int line() { return p.line(); }

    /** Free text from {@code description}; empty when none. */
    public String description() { return p.description(); }

    public PatternKind kind() { return p.kind(); }

    /** Incident type, e.g. {@code restart_burst}. */
    public String type() { return p.type(); }

    public IncidentSeverity severity() { return p.severity(); }

    /**
     * The event selectors: one for MATCH, THRESHOLD, SIGNATURE (the {@code match}) and ABSENCE
     * (the stream); one per step, in order, for SEQUENCE.
     */
    public List<Step> steps() { return p.steps(); }

    /**
     * The first step's match: what the engine calls per event for all kinds but SEQUENCE. A
     * signature pattern that does not claim gives no match on a line a claiming pattern reads.
     */
    public Optional<Match> match(Event e) {
        Optional<Match> m = p.steps().get(0).match(e);
        if (claimed != null && m.isPresent() && claimed.reads().test(e)) {
            return Optional.empty();
        }
        return m;
    }

    /**
     * The match of an event this pattern is known to have matched already (a signed copy coming back
     * from the miner, whose signature names the pattern): the step is run again only for its captures,
     * so one that captures nothing is not run (its match is the same empty one for every event).
     */
    public Optional<Match> matchAgain(Event e) {
        Step only = p.steps().get(0);
        return only.canCapture() ? match(e) : Step.withoutCaptures();
    }

    /** {@code claim}: the lines its steps read are this pattern's; signature patterns that do not claim leave them. */
    public boolean claims() { return p.claims(); }

    /** This pattern, leaving the lines {@code claimed} says another pattern claims. */
    CompiledPattern leaving(Claims claimed) {
        return new CompiledPattern(p, Objects.requireNonNull(claimed, "claimed"));
    }

    /**
     * Whether this pattern leaves the lines of exactly these claiming patterns (the same instances):
     * a set made again of another set's patterns keeps them as they are.
     */
    boolean leavesLinesOf(List<CompiledPattern> claimants) {
        if (claimed == null || claimed.by().size() != claimants.size()) {
            return false;
        }
        for (int i = 0; i < claimants.size(); i++) {
            if (claimed.by().get(i) != claimants.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The patterns that claim their lines, and whether one of them reads an event. */
    record Claims(List<CompiledPattern> by, Predicate<Event> reads) {
        Claims {
            by = List.copyOf(by);
        }
    }

    /** Names (captures or event fields) whose values, with the host, form the group key. */
    public List<String> groupBy() { return p.groupBy(); }

    /**
     * The group-key values for an event and its match, in {@link #groupBy()} order: a capture
     * when the match has it, else the event field; {@code ""} when neither has a value. The
     * host is not included; the engine adds it (events are keyed by host).
     */
    public List<String> groupKey(Event e, Match m) {
        List<String> key = new ArrayList<>(p.groupBy().size());
        for (int i = 0; i < p.groupBy().size(); i++) {
            String v = groupValue(i, e, m);
            key.add(v == null ? "" : v);
        }
        return List.copyOf(key);
    }

    /** The value of the {@code i}-th group-by name, as {@link #value} gives it. */
    public String groupValue(int i, Event e, Match m) {
        String captured = m.capture(p.groupBy().get(i));
        if (captured != null) {
            return captured;
        }
        Function<Event, String> field = groupFields.get(i);
        return field == null ? null : field.apply(e);
    }

    /** A capture of the match, else the event field of that name, else null. */
    public static String value(String name, Event e, Match m) {
        String captured = m.capture(name);
        if (captured != null) {
            return captured;
        }
        return EventFields.isKnown(name) ? EventFields.read(e, name) : null;
    }

    /**
     * Template variables for one event and its match: every event field the event has, then
     * the captures (which win over fields of the same name). The engine adds its own:
     * {@code count}, {@code distinct}, {@code window}, {@code first_seen}, {@code last_seen},
     * {@code cause}, {@code template} (SIGNATURE), {@code silence} (ABSENCE) and, for a
     * SEQUENCE, {@code step.name} for each step's values ({@link Match#qualified(String)}).
     * A new map each call, the caller's to change.
     */
    public Map<String, String> variables(Event e, Match m) {
        Map<String, String> vars = EventFields.readAll(e);
        vars.putAll(m.captures());
        return vars;
    }

    /** THRESHOLD and SIGNATURE: the count, window and minimum. */
    public Optional<Threshold> threshold() { return Optional.ofNullable(p.threshold()); }

    /** SEQUENCE: the time bound and joins between steps. */
    public Optional<SequenceSpec> sequence() { return Optional.ofNullable(p.sequence()); }

    /** ABSENCE: how long is silent, graceful markers, host liveness. */
    public Optional<AbsenceSpec> absence() { return Optional.ofNullable(p.absence()); }

    /** Which earlier lines to attach as the probable cause; empty when the pattern has none. */
    public Optional<CauseSpec> cause() { return Optional.ofNullable(p.cause()); }

    /** Which values of other lines near the first to gather into a variable; empty when none. */
    public Optional<GatherSpec> gather() { return Optional.ofNullable(p.gather()); }

    /** Which incidents of other types this one is related to; empty when the pattern has no {@code link}. */
    public Optional<LinkSpec> link() { return Optional.ofNullable(p.link()); }

    /** The process this pattern's incidents name, to which incidents of any pattern nearby are related; empty without {@code link any}. */
    public Optional<LinkAnySpec> linkAny() { return Optional.ofNullable(p.linkAny()); }

    /** An episode resolves after this long without a new match (default: the window, else 10m). */
    public Duration quiet() { return p.quiet(); }

    /** {@code quiet 5s, 15s for same NAME}: how long a match with the episode's value of NAME still joins it. */
    public Optional<QuietSame> quietSame() { return Optional.ofNullable(p.quietSame()); }

    /** How long an episode stays open after its last line: the longer of the two quiet periods. */
    public Duration resolveAfter() { return p.quietSame() == null ? p.quiet() : p.quietSame().within(); }

    /** A firing incident is re-sent at most this often; empty: only on change. */
    public Optional<Duration> renotify() { return Optional.ofNullable(p.renotify()); }

    public Template subject() { return p.subject(); }

    public Template summary() { return p.summary(); }

    /** Label name to value template. */
    public Map<String, Template> labels() { return p.labels(); }

    /** The {@code test} blocks beside the pattern. */
    public List<TestCase> tests() { return p.tests(); }

    /**
     * SHA-256 (hex) of what the pattern detects ({@link dev.vigil.patterns.lang.PatternDecl#canonical()}):
     * unchanged by comments, layout, tests and wording, so the engine keeps the state of such a
     * pattern on reload and renders its new wording from then on.
     */
    public String fingerprint() { return p.fingerprint(); }

    @Override
    public String toString() {
        return "CompiledPattern[" + p.name() + " " + p.kind() + " " + p.path() + ":" + p.line() + "]";
    }
}
