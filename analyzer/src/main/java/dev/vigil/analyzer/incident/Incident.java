package dev.vigil.analyzer.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One state of one incident episode, as emitted to {@code vigil.incidents} (key = {@code id}).
 * Each change of the episode is a new record with the same id; the topic is compacted, so the
 * latest record is the incident's current state.
 *
 * @param id stable for one episode of one pattern on one group key
 * @param type the pattern's kind: {@code restart_burst}, {@code oom_kill}, {@code error_signature},
 *     {@code log_truncation}, …
 * @param pattern name of the pattern that detected it
 * @param severity {@code critical}, {@code error}, {@code warning} or {@code info}
 * @param status {@code firing} or {@code resolved}
 * @param host host the incident happened on
 * @param subject unit, process or file the incident is about
 * @param count number of matching events in the episode so far
 * @param firstSeen event time of the first matching event
 * @param lastSeen event time of the latest matching event
 * @param summary one human sentence with the numbers
 * @param signature signature id, when the pattern groups by message template
 * @param cause the probable cause: the last error-looking lines before the trigger, oldest first,
 *     one per line, when the pattern asks for them
 * @param evidence a bounded sample of the events behind it
 * @param related ids of linked incidents (the OOM kill behind a truncation)
 * @param labels the pattern's labels plus captured values
 * @param renotified how many times the firing episode was sent again unchanged because its
 *     pattern's {@code renotify} period passed: 1 on the first reminder since the last change, 2 on the next; absent
 *     on every other record, so no two records of one incident are alike
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(
        String id,
        String type,
        String pattern,
        String severity,
        Status status,
        String host,
        String subject,
        long count,
        @JsonProperty("first_seen") Instant firstSeen,
        @JsonProperty("last_seen") Instant lastSeen,
        String summary,
        String signature,
        String cause,
        List<Evidence> evidence,
        List<String> related,
        Map<String, String> labels,
        Integer renotified) {

    /** Maximum number of evidence items an incident carries. */
    public static final int MAX_EVIDENCE = 10;

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(summary, "summary");
        if (count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (evidence.size() > MAX_EVIDENCE) {
            evidence = evidence.subList(evidence.size() - MAX_EVIDENCE, evidence.size());
        }
        related = related == null ? List.of() : List.copyOf(related);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** An incident record that is not a re-notification. */
    public Incident(String id, String type, String pattern, String severity, Status status, String host, String subject,
            long count, Instant firstSeen, Instant lastSeen, String summary, String signature, String cause,
            List<Evidence> evidence, List<String> related, Map<String, String> labels) {
        this(id, type, pattern, severity, status, host, subject, count, firstSeen, lastSeen, summary, signature, cause,
                evidence, related, labels, null);
    }

    /** Whether the episode is going on or over; JSON spells it in lower case. */
    public enum Status {
        @JsonProperty("firing") FIRING,
        @JsonProperty("resolved") RESOLVED
    }

    /** One event behind an incident, with the id that finds it in {@code vigil.events}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String id, Instant ts, String source, String message) {
        public Evidence {
            Objects.requireNonNull(ts, "ts");
            Objects.requireNonNull(message, "message");
        }
    }
}
