package dev.vigil.patterns.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One named redaction: every match of one of its parts is replaced.
 *
 * @param name what turns it off ({@code redact NAME off})
 * @param parts what finds a secret and what replaces it
 * @param hints lower-case ASCII literals near which every secret of this rule starts; a text
 *     holding none of them is skipped, and regexes run only on the text around them (most lines
 *     hold no secret, and a 1 MiB line with one hint must not cost a regex pass over 1 MiB).
 *     Empty: the parts run on the whole text.
 */
public record RedactRule(String name, List<Part> parts, List<String> hints) {
    /** The text a redacted value is replaced with. */
    public static final String MASK = "***";
    /** A secret starts at most this many characters before its hint ({@code -----BEGIN RSA } before {@code private key}). */
    static final int LOOK_BEHIND = 64;
    /** …and ends at most this many after it: a 4096-bit RSA key in PEM is about 3,300. */
    static final int LOOK_AHEAD = 16 * 1024;

    public RedactRule {
        Objects.requireNonNull(name, "name");
        parts = List.copyOf(parts);
        hints = List.copyOf(hints);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("redaction '" + name + "' has no part");
        }
    }

    /** A rule of one regex whose whole match becomes {@code replacement}, run on the whole text. */
    public static RedactRule of(String name, Pattern regex, String replacement) {
        return new RedactRule(name, List.of(new RegexPart(regex, replacement)), List.of());
    }

    /**
     * {@code text} with this rule's matches replaced; the same instance when nothing matched.
     * {@code lowerCase} is {@code text} with ASCII letters in lower case (same length); it may be
     * null when the rule does not read it ({@link #readsLowerCase}).
     */
    String apply(String text, String lowerCase) {
        if (!hints.isEmpty() && hints.stream().noneMatch(lowerCase::contains)) {
            return text;
        }
        String out = text;
        String lower = lowerCase;
        for (Part p : parts) {
            String next = hints.isEmpty() ? p.apply(out, lower) : aroundHints(p, out, lower);
            if (!next.equals(out)) {
                out = next;
                lower = lower == null ? null : Redactor.asciiLowerCase(out);
            }
        }
        return out;
    }

    /** Whether {@link #apply} reads the lower-cased text: for its hints, or a part that does. */
    boolean readsLowerCase() {
        return !hints.isEmpty() || parts.stream().anyMatch(Part::readsLowerCase);
    }

    /**
     * Lower-case ASCII literals one of which a text holds whenever this rule can change it (its
     * hints, else its parts' triggers); null when that is not known, so the rule must run on every text.
     */
    List<String> triggers() {
        if (!hints.isEmpty()) {
            return hints;
        }
        List<String> all = new ArrayList<>();
        for (Part p : parts) {
            if (p.triggers().isEmpty()) {
                return null;
            }
            all.addAll(p.triggers());
        }
        return all;
    }

    /** Runs {@code p} on the windows of text around the hints, merged where they overlap. */
    private String aroundHints(Part p, String text, String lower) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int[] window = nextWindow(lower, 0);
        while (window != null) {
            int start = Math.max(window[0], copied);
            int end = window[1];
            int[] following = nextWindow(lower, end);
            while (following != null && following[0] <= end) {
                end = following[1];
                following = nextWindow(lower, end);
            }
            out.append(text, copied, start);
            String region = text.substring(start, end);
            out.append(p.apply(region, lower.substring(start, end)));
            copied = end;
            window = following;
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** The window around the first hint at or after {@code from}, or null. */
    private int[] nextWindow(String lower, int from) {
        int first = -1;
        for (String h : hints) {
            int i = lower.indexOf(h, from);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first < 0 ? null
                : new int[] {Math.max(0, first - LOOK_BEHIND), (int) Math.min(lower.length(), (long) first + LOOK_AHEAD)};
    }

    /** Finds secrets in a text and replaces them. */
    public interface Part {
        /** {@code text} with its secrets replaced; {@code lowerCase} is it with ASCII letters lowered. */
        String apply(String text, String lowerCase);

        /**
         * Lower-case ASCII literals one of which (in any case) a text holds whenever this part can
         * change it; empty when that is not known.
         */
        default List<String> triggers() {
            return List.of();
        }

        /** Whether {@link #apply} reads {@code lowerCase}; when not, it may be given null (no copy of the text is made). */
        default boolean readsLowerCase() {
            return true;
        }
    }

    /** Every match of a regex becomes the replacement ({@code $1}… insert groups). */
    public record RegexPart(Pattern regex, String replacement) implements Part {
        public RegexPart {
            Objects.requireNonNull(regex, "regex");
            Objects.requireNonNull(replacement, "replacement");
        }

        @Override
        public boolean readsLowerCase() {
            return false;
        }

        @Override
        public String apply(String text, String lowerCase) {
            Matcher m = regex.matcher(text);
            if (!m.find()) {
                return text;
            }
            m.reset();
            return m.replaceAll(replacement);
        }
    }
}
