package dev.vigil.patterns.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Objects;

/**
 * One named redaction: every match of one of its regexes is replaced.
 *
 * @param name what turns it off ({@code redact NAME off})
 * @param parts the regexes with their replacements; a replacement may name groups ({@code $1}),
 *     which is how a rule keeps a key name and removes only its value
 * @param hints lower-case literals one of which every match contains; a text holding none of them
 *     is skipped without running the regexes (most lines hold no secret). Empty: always run.
 */
public record RedactRule(String name, List<Part> parts, List<String> hints) {
    /** The text a redacted value is replaced with. */
    public static final String MASK = "***";

    public RedactRule {
        Objects.requireNonNull(name, "name");
        parts = List.copyOf(parts);
        hints = List.copyOf(hints);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("redaction '" + name + "' has no regex");
        }
    }

    /** A rule of one regex whose whole match becomes {@code replacement}. */
    public static RedactRule of(String name, Pattern regex, String replacement) {
        return new RedactRule(name, List.of(new Part(regex, replacement)), List.of());
    }

    /**
     * {@code text} with this rule's matches replaced; the same instance when nothing matched.
     * {@code lowerCase} is {@code text} in lower case, for the hints.
     */
    String apply(String text, String lowerCase) {
        if (!hints.isEmpty() && hints.stream().noneMatch(lowerCase::contains)) {
            return text;
        }
        String out = text;
        for (Part p : parts) {
            Matcher m = p.regex().matcher(out);
            if (m.find()) {
                m.reset();
                out = m.replaceAll(p.replacement());
            }
        }
        return out;
    }

    /** One regex of a rule and what replaces its matches. */
    public record Part(Pattern regex, String replacement) {
        public Part {
            Objects.requireNonNull(regex, "regex");
            Objects.requireNonNull(replacement, "replacement");
        }
    }
}
