package dev.vigil.patterns.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {name}} placeholders: subject, summary and label values. A part in square
 * brackets that holds a placeholder and other text, {@code [, anon-rss {anon_rss_kb} kB]}, is
 * optional: it is left out when one of its values is missing, so a line that lacks a value still
 * reads as a sentence. A missing value outside such a part renders as {@code unknown}. Brackets
 * around text with no placeholder, or around a placeholder alone ({@code {comm}[{pid}]}), are text.
 */
public final class Template {
    /** Placeholders are simple names, possibly dotted: {@code {unit}}, {@code {kill.victim_pid}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)}");
    /** An optional part: brackets around text that holds at least one placeholder. */
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*\\{[A-Za-z_][A-Za-z0-9_.]*}[^\\[\\]]*)]");
    static final String MISSING = "unknown";

    private final String text;
    private final List<String> variables;

    private Template(String text, List<String> variables) {
        this.text = text;
        this.variables = List.copyOf(variables);
    }

    /** Parses a template; every {@code {name}} is a variable, other braces are text. */
    public static Template parse(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new Template(text, names);
    }

    /** The template text as written. */
    public String text() {
        return text;
    }

    /** The variable names in order of appearance (repeats included), optional parts' too. */
    public List<String> variables() {
        return variables;
    }

    /** The text with its values: optional parts that lack one left out, other missing values as {@code unknown}. */
    public String render(Map<String, String> values) {
        return fill(withoutIncompleteParts(values), values);
    }

    /** The text with its values, or empty when a value outside the optional parts is missing. */
    public Optional<String> renderComplete(Map<String, String> values) {
        String required = withoutIncompleteParts(values);
        Matcher m = PLACEHOLDER.matcher(required);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                return Optional.empty();
            }
        }
        return Optional.of(fill(required, values));
    }

    /** The text with each optional part either unbracketed (all its values present) or removed. */
    private String withoutIncompleteParts(Map<String, String> values) {
        Matcher part = OPTIONAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (part.find()) {
            if (PLACEHOLDER.matcher(part.group(1)).matches()) {
                part.appendReplacement(out, Matcher.quoteReplacement(part.group()));
                continue;
            }
            boolean complete = PLACEHOLDER.matcher(part.group(1)).results().allMatch(v -> values.containsKey(v.group(1)));
            part.appendReplacement(out, Matcher.quoteReplacement(complete ? part.group(1) : ""));
        }
        part.appendTail(out);
        return out.toString();
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? MISSING : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
