package dev.vigil.patterns.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {name}} placeholders: subject, summary and label values. A value the
 * variables do not hold renders as {@code ?}, so a missing capture shows instead of vanishing.
 */
public final class Template {
    /** Placeholders are simple names, possibly dotted: {@code {unit}}, {@code {kill.victim_pid}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)}");
    static final String MISSING = "?";

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

    /** The variable names in order of appearance (repeats included). */
    public List<String> variables() {
        return variables;
    }

    /** The text with each placeholder replaced by its value, or {@code ?} when absent. */
    public String render(Map<String, String> values) {
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
