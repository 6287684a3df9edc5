package dev.vigil.patterns.compile;

import dev.vigil.patterns.lang.Pos;
import dev.vigil.patterns.lang.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The names a pattern's group keys, joins and templates may use. */
record PatternNames(Set<String> captures, List<String> steps, PatternKind kind) {
        boolean isValue(String name) {
            return captures.contains(name) || EventFields.isKnown(name) || isStepField(name);
        }

        private boolean isStepField(String name) {
            int dot = name.indexOf('.');
            return dot > 0 && steps.contains(name.substring(0, dot)) && EventFields.isKnown(name.substring(dot + 1));
        }

        boolean isVariable(String name) {
            return isValue(name) || PatternCompiler.ENGINE_VARIABLES.contains(name)
                    || (kind == PatternKind.SIGNATURE && name.equals("template"))
                    || (kind == PatternKind.ABSENCE && name.equals("silence"));
        }

        List<String> suggestions() {
            List<String> all = new ArrayList<>(captures);
            all.addAll(EventFields.names());
            all.addAll(PatternCompiler.ENGINE_VARIABLES);
            return all;
        }
    
    /** Reports {@code name}, which none of these names, with the closest one as a hint. */
    void reportUnknown(String name, Pos pos, Problems problems) {
        String hint = Suggestions.didYouMean(name, suggestions());
        problems.error(pos, "unknown-field", "unknown field or capture '" + name + "'",
                hint.isEmpty() ? ConditionCompiler.unknownFieldHint(name) : hint);
    }
}
