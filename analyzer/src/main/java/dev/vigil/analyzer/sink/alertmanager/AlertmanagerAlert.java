package dev.vigil.analyzer.sink.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.analyzer.incident.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One alert as Alertmanager's {@code POST /api/v2/alerts} takes it. Alertmanager tells alerts apart
 * by their labels, so the labels are what names the problem (pattern, host, subject…) and the
 * details go to the annotations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AlertmanagerAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt) {
    /** Evidence lines copied into the {@code evidence} annotation. */
    static final int EVIDENCE_LINES = 3;

    /**
     * The alert for {@code incident} sent at {@code now}. A firing alert ends {@code firingFor}
     * from now unless sent again, as Prometheus does, so a stopped bridge's alerts resolve by
     * themselves; a resolved one ends at its last event. Times are clamped to {@code now}:
     * Alertmanager refuses an alert that starts after it ends.
     */
    static AlertmanagerAlert of(Incident incident, Instant now, Duration firingFor) {
        Instant startsAt = incident.firstSeen().isAfter(now) ? now : incident.firstSeen();
        Instant endsAt;
        if (incident.status() == Incident.Status.FIRING) {
            endsAt = now.plus(firingFor);
        } else {
            Instant last = incident.lastSeen().isBefore(startsAt) ? startsAt : incident.lastSeen();
            endsAt = last.isAfter(now) ? now : last;
        }
        return new AlertmanagerAlert(labels(incident), annotations(incident), startsAt, endsAt);
    }

    private static Map<String, String> labels(Incident incident) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", incident.pattern());
        labels.put("type", incident.type());
        labels.put("host", incident.host());
        labels.put("severity", incident.severity());
        putIfPresent(labels, "subject", incident.subject());
        putIfPresent(labels, "signature", incident.signature());
        return labels;
    }

    private static Map<String, String> annotations(Incident incident) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", incident.summary());
        putIfPresent(annotations, "cause", incident.cause());
        List<Incident.Evidence> evidence = incident.evidence();
        if (!evidence.isEmpty()) {
            annotations.put("evidence", evidence.stream().limit(EVIDENCE_LINES)
                    .map(e -> e.ts() + " " + (e.source() == null ? "" : e.source() + " ") + e.message())
                    .collect(Collectors.joining("\n")));
        }
        annotations.put("incident_id", incident.id());
        annotations.put("count", Long.toString(incident.count()));
        return annotations;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
