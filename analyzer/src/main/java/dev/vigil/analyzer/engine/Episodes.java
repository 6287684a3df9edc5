package dev.vigil.analyzer.engine;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentIds;
import dev.vigil.patterns.compile.CompiledPattern;
import dev.vigil.patterns.compile.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident lifecycle: opens an episode (firing), updates it (at most once per
 * {@link PatternEngine#UPDATE_INTERVAL}), resolves it after the pattern's quiet period, and
 * renders each change as an {@link Incident}.
 */
public final class Episodes {
    /** Variable counting the re-notifications sent since the episode last changed (a record's {@code renotified}). */
    static final String RENOTIFIED = "__renotified";
    /** Variable holding a sentence another incident adds to this one's summary (a {@code link any} note). */
    static final String NOTE = "__note";

    private final PlannedStateMap<EpisodeState> store;

    Episodes(PlannedStateMap<EpisodeState> store) {
        this.store = store;
    }

    /** The episode under {@code key} when it is still going on at {@code at}. */
    public Optional<EpisodeState> live(String key, CompiledPattern p, Instant at) {
        return live(key, p, at, Map.of());
    }

    /**
     * The episode under {@code key} when a match with {@code vars} at {@code at} still joins it:
     * within the quiet period of its last line, or within the longer one of {@code quiet … for
     * same NAME} when the match has the episode's value of NAME.
     */
    public Optional<EpisodeState> live(String key, CompiledPattern p, Instant at, Map<String, String> vars) {
        EpisodeState ep = store.get(key);
        if (ep == null || ep.resolved()) {
            return Optional.empty();
        }
        if (!at.isAfter(ep.lastSeen().plus(p.quiet()))) {
            return Optional.of(ep);
        }
        return p.quietSame().filter(same -> !at.isAfter(ep.lastSeen().plus(same.within())))
                .filter(same -> vars.get(same.capture()) != null && vars.get(same.capture()).equals(ep.vars().get(same.capture())))
                .map(same -> ep);
    }

    /**
     * Resolves the episode under {@code key} when it is still open, and sends that: when its quiet
     * period ended, or when a new episode takes its key while it waited the longer period of
     * {@code quiet … for same}. A first record still held for a value goes out before, as firing.
     */
    public void resolve(String key, EpisodeState ep, CompiledPattern p, Instant now, List<Incident> out) {
        if (ep.resolved()) {
            return;
        }
        if (ep.neverSent()) {
            // a first record held for a value, and a backlog read meanwhile made the episode quiet:
            // it is still told as firing before its end, or alerting would never hear of it
            emitIfDue(key, ep, p, now, PatternEngine.UPDATE_INTERVAL, true, out);
            ep = store.get(key);
        }
        emitIfDue(key, ep.resolvedNow(), p, now, PatternEngine.UPDATE_INTERVAL, true, out);
    }

    public EpisodeState open(String key, CompiledPattern p, String host, String groupKey, Instant firstSeen, Instant at,
            long count, Map<String, String> vars, List<EvidenceItem> evidence, List<EvidenceItem> cause) {
        String id = IncidentIds.of(p.name(), host, groupKey, firstSeen);
        List<EvidenceItem> ev = evidence.size() <= EpisodeState.MAX_EVIDENCE ? evidence
                : evidence.subList(evidence.size() - EpisodeState.MAX_EVIDENCE, evidence.size());
        EpisodeState ep = new EpisodeState(1, id, p.name(), host, groupKey, firstSeen, at, count, false, vars, ev, cause,
                List.of(), Instant.EPOCH, true, Instant.EPOCH);
        store.put(key, ep);
        return ep;
    }

    public void save(String key, EpisodeState ep) {
        store.put(key, ep);
    }

    public EpisodeState get(String key) {
        return store.get(key);
    }

    /** Plans the episode's ticks and expiry again from what is stored now. */
    void replan(String key) {
        store.replan(key);
    }

    public void delete(String key) {
        store.delete(key);
    }

    /** A snapshot of every episode by key. */
    public List<Map.Entry<String, EpisodeState>> entries() {
        return store.entries();
    }

    /** The key of the episode of an incident: a scan of every episode. */
    Optional<String> keyOf(String incidentId) {
        for (Map.Entry<String, EpisodeState> entry : store.entries()) {
            if (entry.getValue().id().equals(incidentId)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * Sends the episode when it has news and the last record is at least {@code interval} old
     * (or right away when {@code force}: opening and resolving are never held back).
     */
    public void emitIfDue(String key, EpisodeState ep, CompiledPattern p, Instant now, Duration interval, boolean force,
            List<Incident> out) {
        if (!ep.pending()) {
            return;
        }
        if (!force && now.isBefore(ep.lastEmitted().plus(interval))) {
            store.put(key, ep);
            return;
        }
        out.add(render(ep, p));
        store.put(key, ep.sent(now));
    }

    /**
     * Sends a newly opened episode, unless its subject or summary still lacks a value: the lines
     * of one event often come within milliseconds (the kernel writes {@code oom-kill:} before
     * {@code Killed process}, which has the sizes), so a first record that would say {@code ?}
     * waits {@link PatternEngine#UPDATE_INTERVAL} on the analyzer's clock (a tick may fall between
     * the lines of one happening), and goes out then with whatever came. A pattern that gathers values from other lines around its first
     * always waits that tick: those lines may come just after it.
     */
    public void emitOpened(String key, EpisodeState ep, CompiledPattern p, Instant now, List<Incident> out) {
        if (p.gather().isPresent() || lacksValues(ep, p)) {
            store.put(key, ep.heldSince(now));
            return;
        }
        emitIfDue(key, ep, p, now, PatternEngine.UPDATE_INTERVAL, true, out);
    }

    private static boolean lacksValues(EpisodeState ep, CompiledPattern p) {
        Map<String, String> vars = variables(ep, p);
        for (Template t : List.of(p.subject(), p.summary())) {
            for (String name : t.variables()) {
                // cause lines come before the line that opens the episode: a missing one is not on its way
                if (!vars.containsKey(name) && !name.equals(RenderVars.CAUSE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The values the pattern's templates are rendered with: the episode's variables, its host and
     * count, the last cause line, and the two times for a pattern whose templates name them. A view
     * over the episode, not a copy: an episode is rendered on every update it sends, and copying
     * its variables into a map of their own was most of that.
     */
    private static Map<String, String> variables(EpisodeState ep, CompiledPattern p) {
        return new RenderVars(ep, p);
    }

    /** The episode's subject as its pattern words it. */
    static String subject(EpisodeState ep, CompiledPattern p) {
        return p.subject().render(variables(ep, p));
    }

    /** Renders the episode through the pattern's templates. */
    static Incident render(EpisodeState ep, CompiledPattern p) {
        Map<String, String> vars = variables(ep, p);
        String summary = p.summary().render(vars) + vars.getOrDefault(NOTE, "");
        Map<String, String> labels = new HashMap<>();
        for (Map.Entry<String, Template> l : p.labels().entrySet()) {
            l.getValue().renderComplete(vars).ifPresent(value -> labels.put(l.getKey(), value));
        }
        List<Incident.Evidence> evidence = new ArrayList<>();
        ep.evidence().forEach(e -> evidence.add(e.toEvidence()));
        ep.cause().forEach(e -> evidence.add(e.toEvidence()));
        return new Incident(ep.id(), p.type(), p.name(), p.severity().wireName(),
                ep.resolved() ? Incident.Status.RESOLVED : Incident.Status.FIRING,
                ep.host(), p.subject().render(vars), ep.count(), ep.firstSeen(), ep.lastSeen(), summary,
                vars.get("signature"), causeText(ep), evidence, ep.related(), labels, renotified(ep));
    }

    /** The re-notification number of a firing episode's reminder, else null (left out of the record). */
    private static Integer renotified(EpisodeState ep) {
        String n = ep.vars().get(RENOTIFIED);
        return n == null || ep.resolved() ? null : Integer.valueOf(n);
    }

    private static String causeText(EpisodeState ep) {
        return ep.cause().isEmpty() ? null : String.join("\n", ep.cause().stream().map(EvidenceItem::message).toList());
    }
}
