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

    /** Templates with more optional parts than this render through the regexes each time. */
    private static final int MAX_PLANNED_PARTS = 5;

    private final String text;
    private final List<String> variables;
    /** The placeholders of each optional part that is not a placeholder alone, in order. */
    private final List<List<String>> parts;
    /**
     * The text as it renders, worked out at parse for each set of complete optional parts (bit
     * {@code i}: part {@code i} has all its values): an incident is rendered on every update it
     * sends, and two regex passes over its templates each time were most of the cost. Null when
     * the template has more than {@link #MAX_PLANNED_PARTS} optional parts.
     */
    private final Plan[] plans;

    /** Text and placeholders in turn: {@code texts[0] {names[0]} texts[1] …}. */
    private record Plan(String[] texts, String[] names) {
        static Plan of(String text) {
            List<String> texts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int at = 0;
            while (m.find()) {
                texts.add(text.substring(at, m.start()));
                names.add(m.group(1));
                at = m.end();
            }
            texts.add(text.substring(at));
            return new Plan(texts.toArray(String[]::new), names.toArray(String[]::new));
        }

        boolean complete(Map<String, String> values) {
            for (String n : names) {
                if (!values.containsKey(n)) {
                    return false;
                }
            }
            return true;
        }

        String fill(Map<String, String> values) {
            StringBuilder out = new StringBuilder(texts[0]);
            for (int i = 0; i < names.length; i++) {
                String v = values.get(names[i]);
                out.append(v == null ? MISSING : v).append(texts[i + 1]);
            }
            return out.toString();
        }
    }

    private Template(String text, List<String> variables, boolean planned) {
        this.text = text;
        this.variables = List.copyOf(variables);
        List<List<String>> found = new ArrayList<>();
        Matcher part = OPTIONAL.matcher(text);
        while (part.find()) {
            if (!PLACEHOLDER.matcher(part.group(1)).matches()) {
                found.add(PLACEHOLDER.matcher(part.group(1)).results().map(r -> r.group(1)).toList());
            }
        }
        this.parts = List.copyOf(found);
        if (!planned || parts.size() > MAX_PLANNED_PARTS) {
            this.plans = null;
            return;
        }
        this.plans = new Plan[1 << parts.size()];
        for (int mask = 0; mask < plans.length; mask++) {
            plans[mask] = Plan.of(withParts(mask));
        }
    }

    /** Parses a template; every {@code {name}} is a variable, other braces are text. */
    public static Template parse(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new Template(text, names, true);
    }

    /** The same template rendered through its regexes every time, as one with many optional parts is. */
    Template unplanned() {
        return new Template(text, variables, false);
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
        if (plans != null) {
            return plans[completeParts(values)].fill(values);
        }
        return fill(withoutIncompleteParts(values), values);
    }

    /** The text with its values, or empty when a value outside the optional parts is missing. */
    public Optional<String> renderComplete(Map<String, String> values) {
        if (plans != null) {
            Plan plan = plans[completeParts(values)];
            return plan.complete(values) ? Optional.of(plan.fill(values)) : Optional.empty();
        }
        String required = withoutIncompleteParts(values);
        Matcher m = PLACEHOLDER.matcher(required);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                return Optional.empty();
            }
        }
        return Optional.of(fill(required, values));
    }

    /** Bit {@code i} set when the optional part {@code i} has all its values. */
    private int completeParts(Map<String, String> values) {
        int mask = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (values.keySet().containsAll(parts.get(i))) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /** The text with the optional parts of {@code mask} unbracketed and the others removed. */
    private String withParts(int mask) {
        Matcher part = OPTIONAL.matcher(text);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (part.find()) {
            if (PLACEHOLDER.matcher(part.group(1)).matches()) {
                part.appendReplacement(out, Matcher.quoteReplacement(part.group()));
                continue;
            }
            boolean complete = (mask & (1 << i++)) != 0;
            part.appendReplacement(out, Matcher.quoteReplacement(complete ? part.group(1) : ""));
        }
        part.appendTail(out);
        return out.toString();
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
