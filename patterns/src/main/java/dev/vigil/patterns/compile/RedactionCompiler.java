package dev.vigil.patterns.compile;

import com.google.re2j.Pattern;
import dev.vigil.patterns.lang.Diagnostic;
import dev.vigil.patterns.lang.PatternFile;
import dev.vigil.patterns.lang.RedactDecl;
import dev.vigil.patterns.redact.BuiltInRedactions;
import dev.vigil.patterns.redact.RedactRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/** Compiles the {@code redact} declarations of a pattern file into rules and names switched off. */
public final class RedactionCompiler {
    /** {@code $} followed by a group number; any other {@code $} or a backslash is refused. */
    private static final java.util.regex.Pattern GROUP_REF = java.util.regex.Pattern.compile("\\$(\\d+)|[$\\\\]");

    private RedactionCompiler() {}

    /**
     * The rules a file adds, the names it switches off, and the problems of its declarations.
     *
     * @param added rules in declaration order
     * @param disabled names of {@code redact NAME off}
     */
    public record Result(List<RedactRule> added, Set<String> disabled, List<Diagnostic> diagnostics) {
        public Result {
            added = List.copyOf(added);
            disabled = Set.copyOf(disabled);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Compiles the declarations of {@code file}. */
    public static Result compile(PatternFile file) {
        Problems problems = new Problems(file.path());
        ConditionCompiler regexes = new ConditionCompiler(problems);
        List<RedactRule> added = new ArrayList<>();
        Set<String> disabled = new LinkedHashSet<>();
        List<Diagnostic> warnings = new ArrayList<>();
        Set<String> defined = new LinkedHashSet<>();
        for (RedactDecl d : file.redactions()) {
            if (d.off()) {
                disabled.add(d.name());
                if (!defined.contains(d.name()) && BuiltInRedactions.rules().stream().noneMatch(r -> r.name().equals(d.name()))) {
                    warnings.add(Diagnostic.warning(file.path(), d.pos(), "unknown-redaction",
                            "no built-in redaction named '" + d.name() + "' to switch off",
                            "built-in redactions: " + String.join(", ", BuiltInRedactions.rules().stream().map(RedactRule::name).toList())));
                }
                continue;
            }
            Pattern regex = regexes.compileRegex(d.regex());
            if (regex == null) {
                continue;
            }
            if (regex.matcher("").find()) {
                problems.error(d.regex().pos(), "empty-redaction", "/" + d.regex().source() + "/ matches the empty text, "
                        + "so it would insert its replacement everywhere", "require at least one character");
                continue;
            }
            String replacement = d.replacement() == null ? RedactRule.MASK : d.replacement();
            if (!validReplacement(replacement, regex.groupCount())) {
                problems.error(d.pos(), "bad-replacement", "replace \"" + replacement + "\" may use $1 to $"
                        + regex.groupCount() + " for the regex's groups and no other $ or \\",
                        "the regex has " + regex.groupCount() + " group(s)");
                continue;
            }
            defined.add(d.name());
            added.add(RedactRule.of(d.name(), regex, replacement));
        }
        List<Diagnostic> all = new ArrayList<>(problems.diagnostics());
        all.addAll(warnings);
        return new Result(added, disabled, all);
    }

    private static boolean validReplacement(String replacement, int groups) {
        Matcher m = GROUP_REF.matcher(replacement);
        while (m.find()) {
            if (m.group(1) == null || m.group(1).length() > 3 || Integer.parseInt(m.group(1)) > groups) {
                return false;
            }
        }
        return true;
    }
}
