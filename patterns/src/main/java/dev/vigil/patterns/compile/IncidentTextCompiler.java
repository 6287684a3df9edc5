package dev.vigil.patterns.compile;

import dev.vigil.patterns.lang.Clause;
import dev.vigil.patterns.lang.PatternDecl;
import dev.vigil.patterns.lang.Suggestions;
import dev.vigil.patterns.lang.Text;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles what an incident says: its type and severity, its subject, summary and label
 * templates (each placeholder checked against the pattern's names), and a gather's name.
 */
final class IncidentTextCompiler {
    private final Problems problems;

    IncidentTextCompiler(Problems problems) {
        this.problems = problems;
    }

    /** The {@code under} name of a {@code gather}: a template of the trigger's values. */
    GatherSpec under(PatternDecl decl, GatherSpec gather, PatternNames names) {
        Text under = decl.clauses(Clause.Gather.class).stream().findFirst().map(Clause.Gather::under).orElse(null);
        if (gather == null || under == null) {
            return gather;
        }
        return new GatherSpec(gather.name(), gather.filter(), gather.within(), Optional.of(template(under, null, names)));
    }

    String type(PatternDecl decl) {
        List<Clause.Type> found = decl.clauses(Clause.Type.class);
        if (found.isEmpty()) {
            problems.error(decl.pos(), "missing-clause", "pattern '" + decl.name() + "' has no 'type'",
                    "add the incident type, e.g. 'type restart_burst'");
            return null;
        }
        return found.get(0).name();
    }

    IncidentSeverity severity(PatternDecl decl) {
        List<Clause.Severity> found = decl.clauses(Clause.Severity.class);
        if (found.isEmpty()) {
            return IncidentSeverity.WARNING;
        }
        Clause.Severity s = found.get(0);
        for (IncidentSeverity level : IncidentSeverity.values()) {
            if (level.wireName().equals(s.level())) {
                return level;
            }
        }
        String hint = Suggestions.didYouMean(s.level(), IncidentSeverity.wireNames());
        problems.error(s.levelPos(), "unknown-severity", "unknown severity '" + s.level() + "'",
                hint.isEmpty() ? "use one of " + String.join(", ", IncidentSeverity.wireNames()) : hint);
        return IncidentSeverity.WARNING;
    }

    Template summary(PatternDecl decl, PatternNames names) {
        List<Clause.Summary> found = decl.clauses(Clause.Summary.class);
        if (found.isEmpty()) {
            problems.error(decl.pos(), "missing-clause", "pattern '" + decl.name() + "' has no 'summary'",
                    "add one sentence with the numbers, e.g. 'summary \"{unit} restarted {count} times\"'");
            return Template.parse("");
        }
        return template(found.get(0).text(), "", names);
    }

    Map<String, Template> labels(PatternDecl decl, PatternNames names) {
        Map<String, Template> labels = new LinkedHashMap<>();
        for (Clause.Label l : decl.clauses(Clause.Label.class)) {
            if (labels.put(l.key(), template(l.text(), "", names)) != null) {
                problems.error(l.pos(), "duplicate-clause", "second 'label " + l.key() + "' in pattern '"
                        + decl.name() + "'", "keep one value per label");
            }
        }
        return labels;
    }

    static String defaultSubject(List<String> groupBy) {
        return groupBy.isEmpty() ? "{host}" : "{" + groupBy.get(0) + "}";
    }

    /** Parses a template and reports each placeholder no capture, field or engine value fills. */
    Template template(Text text, String fallback, PatternNames names) {
        if (text == null) {
            return Template.parse(fallback);
        }
        Template t = Template.parse(text.value());
        if (problems.regexFailed()) {
            return t;
        }
        Set<String> reported = new HashSet<>();
        for (String name : t.variables()) {
            if (!names.isVariable(name) && reported.add(name)) {
                String hint = Suggestions.didYouMean(name, names.suggestions());
                problems.error(text.posOf("{" + name + "}"), "unknown-capture", "'{" + name
                        + "}' is not a capture, field or count of this pattern",
                        hint.isEmpty() ? "captures here: " + (names.captures().isEmpty() ? "none"
                                : String.join(", ", names.captures())) : hint);
            }
        }
        return t;
    }
}
