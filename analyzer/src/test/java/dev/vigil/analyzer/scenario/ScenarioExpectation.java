package dev.vigil.analyzer.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.analyzer.incident.Incident;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one scenario's {@code expected.json} requires of the incidents a replay emitted, and the
 * check itself (the semantics are spelled out in {@code scenarios/README.md}).
 *
 * <p>Only the latest record of each incident id counts: the incidents topic is compacted, so an
 * episode that was opened, updated and resolved is one incident in its final state.
 */
record ScenarioExpectation(String scenario, List<Matcher> must, List<Matcher> mustNot, Integer maxIncidents) {

    private static final ObjectMapper JSON = new ObjectMapper();

    ScenarioExpectation {
        Objects.requireNonNull(scenario, "scenario");
        must = List.copyOf(must);
        mustNot = List.copyOf(mustNot);
    }

    /** One entry of {@code must} or {@code must_not}; null fields match anything. */
    record Matcher(String type, String host, String subject, List<String> summaryContains, long incidentsMin,
            long incidentsMax, Long countMin, Long countMax, Incident.Status status, List<String> relatedTypes,
            String pattern, Map<String, String> labels, List<String> causeContains) {

        Matcher {
            Objects.requireNonNull(type, "type");
            summaryContains = List.copyOf(summaryContains);
            relatedTypes = List.copyOf(relatedTypes);
            labels = Map.copyOf(labels);
            causeContains = List.copyOf(causeContains);
        }

        boolean matches(Incident i) {
            return type.equals(i.type())
                    && (host == null || host.equals(i.host()))
                    && (subject == null || subject.equals(i.subject()))
                    && (pattern == null || pattern.equals(i.pattern()))
                    && labels.entrySet().stream().allMatch(l -> l.getValue().equals(i.labels().get(l.getKey())))
                    && summaryContains.stream().allMatch(word -> i.summary().contains(word))
                    && causeContains.stream().allMatch(word -> i.cause() != null && i.cause().contains(word));
        }

        static Matcher of(JsonNode m) {
            List<String> words = new ArrayList<>();
            m.path("summary_contains").forEach(w -> words.add(w.asText()));
            List<String> related = new ArrayList<>();
            m.path("related_types").forEach(t -> related.add(t.asText()));
            Map<String, String> labels = new LinkedHashMap<>();
            m.path("labels").fields().forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
            List<String> cause = new ArrayList<>();
            m.path("cause_contains").forEach(w -> cause.add(w.asText()));
            return new Matcher(m.get("type").asText(), text(m, "host"), text(m, "subject"), words,
                    m.path("incidents_min").asLong(1), m.path("incidents_max").asLong(1),
                    m.has("count_min") ? m.get("count_min").asLong() : null,
                    m.has("count_max") ? m.get("count_max").asLong() : null,
                    m.has("status") ? Incident.Status.valueOf(m.get("status").asText().toUpperCase()) : null,
                    related, text(m, "pattern"), labels, cause);
        }

        private static String text(JsonNode m, String field) {
            return m.has(field) ? m.get(field).asText() : null;
        }
    }

    /** Reads {@code <scenario dir>/expected.json}. */
    static ScenarioExpectation read(Path scenarioDir) throws IOException {
        JsonNode e = JSON.readTree(scenarioDir.resolve("expected.json").toFile());
        List<Matcher> must = new ArrayList<>();
        e.get("must").forEach(m -> must.add(Matcher.of(m)));
        List<Matcher> mustNot = new ArrayList<>();
        e.get("must_not").forEach(m -> mustNot.add(Matcher.of(m)));
        Integer max = e.has("max_incidents") ? e.get("max_incidents").asInt() : null;
        return new ScenarioExpectation(scenarioDir.getFileName().toString(), must, mustNot, max);
    }

    /** Every way the emitted incident records fall short of the expectation; empty when they satisfy it. */
    List<String> violations(List<Incident> emitted) {
        Map<String, Incident> latest = new LinkedHashMap<>();
        emitted.forEach(i -> latest.put(i.id(), i));
        List<String> problems = new ArrayList<>();
        if (maxIncidents != null && latest.size() > maxIncidents) {
            problems.add(scenario + ": at most " + maxIncidents + " incidents expected, got " + latest.size()
                    + ": " + describe(List.copyOf(latest.values())));
        }
        must.forEach(m -> checkMust(m, latest, problems));
        for (Matcher m : mustNot) {
            List<Incident> hits = latest.values().stream().filter(m::matches).toList();
            if (!hits.isEmpty()) {
                problems.add(scenario + ": must not produce " + m + ", got " + describe(hits));
            }
        }
        return problems;
    }

    private void checkMust(Matcher m, Map<String, Incident> latest, List<String> problems) {
        List<Incident> hits = latest.values().stream().filter(m::matches).toList();
        if (hits.size() < m.incidentsMin() || hits.size() > m.incidentsMax()) {
            problems.add(scenario + ": expected " + m.incidentsMin() + ".." + m.incidentsMax() + " incidents matching "
                    + m + ", got " + hits.size() + ": " + describe(hits));
            return;
        }
        long count = hits.stream().mapToLong(Incident::count).sum();
        if ((m.countMin() != null && count < m.countMin()) || (m.countMax() != null && count > m.countMax())) {
            problems.add(scenario + ": count " + count + " outside " + m.countMin() + ".." + m.countMax() + " for "
                    + describe(hits));
        }
        for (Incident i : hits) {
            if (m.status() != null && m.status() != i.status()) {
                problems.add(scenario + ": " + i.id() + " is " + i.status() + ", expected " + m.status());
            }
            for (String type : m.relatedTypes()) {
                boolean linked = i.related().stream().map(latest::get)
                        .anyMatch(r -> r != null && type.equals(r.type()));
                if (!linked) {
                    problems.add(scenario + ": " + i.id() + " (" + i.type() + ") is not related to any " + type
                            + " incident; related=" + i.related());
                }
            }
        }
    }

    private static String describe(List<Incident> incidents) {
        List<String> parts = new ArrayList<>();
        for (Incident i : incidents.subList(0, Math.min(5, incidents.size()))) {
            parts.add(i.type() + " " + i.subject() + " count=" + i.count() + " \"" + i.summary() + "\"");
        }
        return parts + (incidents.size() > 5 ? " and " + (incidents.size() - 5) + " more" : "");
    }
}
