package dev.vigil.analyzer.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One incident episode as the engine keeps it: everything needed to render the next incident
 * record, and when one was last sent.
 *
 * @param id the incident id, fixed when the episode opens
 * @param groupKey the group-key values joined by {@link StateKeys#SEP}
 * @param vars template variables accumulated over the episode's events (a later line fills what
 *     an earlier one lacked)
 * @param evidence the latest matching events, bounded
 * @param cause the probable-cause lines of the latest match
 * @param lastEmitted analyzer time of the last record sent for the episode
 * @param pending a change not yet sent (updates are sent at most once per {@link PatternEngine#UPDATE_INTERVAL})
 * @param lastNotified analyzer time of the last record sent, for re-notification; before the first,
 *     when its record began to be held ({@link #heldSince}), else {@link Instant#EPOCH}
 */
public record EpisodeState(
        int v,
        String id,
        String pattern,
        String host,
        String groupKey,
        Instant firstSeen,
        Instant lastSeen,
        long count,
        boolean resolved,
        Map<String, String> vars,
        List<EvidenceItem> evidence,
        List<EvidenceItem> cause,
        List<String> related,
        Instant lastEmitted,
        boolean pending,
        Instant lastNotified) {

    /** Matching events an episode remembers as evidence. */
    static final int MAX_EVIDENCE = 5;

    public EpisodeState {
        vars = Map.copyOf(vars);
        evidence = List.copyOf(evidence);
        cause = List.copyOf(cause);
        related = List.copyOf(related);
    }

    /** True until the episode's first record is sent: opening it stamps no send ({@link Instant#EPOCH}). */
    boolean neverSent() {
        return lastEmitted.equals(Instant.EPOCH);
    }

    public EpisodeState withMatch(Instant at, Map<String, String> newVars, EvidenceItem item, List<EvidenceItem> newCause, long add) {
        Instant last = at.isAfter(lastSeen) ? at : lastSeen;
        return new EpisodeState(v, id, pattern, host, groupKey, firstSeen, last, count + add, false, merged(newVars),
                EvidenceRing.appended(evidence, item, MAX_EVIDENCE),
                newCause.isEmpty() ? cause : newCause, related, lastEmitted, true, lastNotified);
    }

    /**
     * The variables with a match's values over them, without a re-notification's number (a new
     * match is news, not a reminder). A match of the same pattern mostly brings a value for every
     * variable the episode has: then its values are the merge, and no map of the old ones is made.
     */
    private Map<String, String> merged(Map<String, String> newVars) {
        if (!newVars.containsKey(Episodes.RENOTIFIED) && covers(newVars)) {
            return newVars;
        }
        Map<String, String> merged = new java.util.HashMap<>(vars);
        merged.putAll(newVars);
        merged.remove(Episodes.RENOTIFIED);
        return merged;
    }

    /** True when {@code newVars} has every variable of the episode's but a re-notification's number. */
    private boolean covers(Map<String, String> newVars) {
        for (String name : vars.keySet()) {
            if (!newVars.containsKey(name) && !name.equals(Episodes.RENOTIFIED)) {
                return false;
            }
        }
        return true;
    }

    public EpisodeState withRelated(String otherId) {
        LinkedHashSet<String> r = new LinkedHashSet<>(related);
        r.add(otherId);
        return new EpisodeState(v, id, pattern, host, groupKey, firstSeen, lastSeen, count, resolved, vars, evidence,
                cause, List.copyOf(r), lastEmitted, true, lastNotified);
    }

    public EpisodeState withVars(Map<String, String> extra) {
        Map<String, String> merged = new java.util.HashMap<>(vars);
        merged.putAll(extra);
        return new EpisodeState(v, id, pattern, host, groupKey, firstSeen, lastSeen, count, resolved, merged, evidence,
                cause, related, lastEmitted, true, lastNotified);
    }

    /** The episode filed under another group key (its template generalised); id and counts stay. */
    public EpisodeState regrouped(String newGroupKey) {
        return new EpisodeState(v, id, pattern, host, newGroupKey, firstSeen, lastSeen, count, resolved, vars, evidence,
                cause, related, lastEmitted, pending, lastNotified);
    }

    public EpisodeState resolvedNow() {
        return new EpisodeState(v, id, pattern, host, groupKey, firstSeen, lastSeen, count, true, vars, evidence, cause,
                related, lastEmitted, true, lastNotified);
    }

    /**
     * A first record held for a value, from {@code now} on the analyzer's clock: until it is sent,
     * {@code lastNotified} tells since when (it is read for re-notifying only once a record went out).
     */
    EpisodeState heldSince(Instant now) {
        return !neverSent() || !lastNotified.equals(Instant.EPOCH) ? this
                : new EpisodeState(v, id, pattern, host, groupKey, firstSeen, lastSeen, count, resolved, vars, evidence,
                        cause, related, lastEmitted, pending, now);
    }

    /** Whether a held first record still waits at {@code now}: the lines of its happening may still be coming. */
    boolean stillHeld(Instant now, Duration hold) {
        return neverSent() && now.isBefore(lastNotified.plus(hold));
    }

    EpisodeState sent(Instant now) {
        return new EpisodeState(v, id, pattern, host, groupKey, firstSeen, lastSeen, count, resolved, vars, evidence,
                cause, related, now, false, now);
    }
}
