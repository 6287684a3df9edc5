package dev.vigil.patterns.compile;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How a condition runs one regex on a field: with the answer {@link Matcher#find()} gives, by the
 * cheapest means the regex's shape allows. RE2/J's matcher tries a match at every position of the
 * text, at the cost of its program at each, and stops early only for a regex that must begin at
 * the start of the text; on the app-log bench the restart-burst cause filter (5.9 µs on an ERROR
 * line) and {@code python_exception} (2.7 µs) were a quarter of the engine's time.
 * <ul>
 *   <li>On a text without a newline (almost every log line) the {@code m} flag changes nothing
 *       ({@code ^} and {@code $} can only match at its ends), so the regex is run without it: a
 *       regex beginning with {@code ^} then stops at the first character that does not fit
 *       ({@code python_exception}: 2.7 µs to 0.1 µs).
 *   <li>Alternatives that all begin with {@code ^} are run as one {@code ^(?:…|…)}, which means the
 *       same and lets RE2/J see that the regex begins at the start.
 *   <li>When no named capture is read (the regex defines none, or the test is negated), only
 *       whether it matches counts, and a regex matches when one of its alternatives does: the
 *       alternatives beginning with {@code ^} are run as one, the others as another, and those that
 *       are words or a group of words between optional {@code \b} ({@code \b(?:ERROR|FATAL)\b},
 *       2.3 µs in RE2/J) are found by a text search that checks the boundaries as RE2 does.
 * </ul>
 * A regex with a bare flag group ({@code (?i)} applies across the alternatives after it) is not
 * taken apart.
 */
final class RegexRun {
    /** A bare inline flag group, e.g. {@code (?i)} or {@code (?-s)}. */
    private static final java.util.regex.Pattern BARE_FLAGS = java.util.regex.Pattern.compile("\\(\\?[a-zA-Z-]*\\)");

    /** The whole regex, for its captures; null when no capture is read. */
    private final Probe whole;
    /** Whether the regex matches, by alternatives; null when the captures of {@link #whole} are read. */
    private final List<Predicate<String>> parts;

    private RegexRun(Probe whole, List<Predicate<String>> parts) {
        this.whole = whole;
        this.parts = parts;
    }

    /**
     * @param whole the regex as compiled: {@code flags} applied to {@code source}
     * @param source the regex in RE2's spelling, without its flags
     * @param flags the literal's flags ({@code i}, {@code s}, {@code m})
     * @param capturesRead whether the caller reads the named captures of a match
     */
    static RegexRun of(Pattern whole, String source, String flags, boolean capturesRead) {
        return of(whole, source, flags, capturesRead, null);
    }

    /**
     * As {@link #of(Pattern, String, String, boolean)}; {@code guard}, the regex's literal guard or
     * null, also spares the lines of a text of several lines that lack its literals, when the
     * regex is run line by line for its captures (a traceback joined to its line: most of its
     * lines hold no exception name).
     */
    static RegexRun of(Pattern whole, String source, String flags, boolean capturesRead, RegexGuard guard) {
        List<String> branches = RequiredLiterals.splitTopLevel(source);
        if (BARE_FLAGS.matcher(source).find()) {
            Probe p = Probe.of(whole, source, flags);
            return capturesRead ? new RegexRun(p, null) : new RegexRun(null, List.of(p::found));
        }
        if (capturesRead) {
            return new RegexRun(Probe.of(branches.size() > 1 && branches.stream().allMatch(RegexRun::startsAtLineStart)
                    ? null : whole, atStart(branches), flags).guardingLines(guard), null);
        }
        List<String> atStart = new ArrayList<>();
        List<String> anywhere = new ArrayList<>();
        for (String b : branches) {
            (startsAtLineStart(b) ? atStart : anywhere).add(b);
        }
        List<Predicate<String>> parts = new ArrayList<>();
        Words words = anywhere.isEmpty() || flags.contains("i") ? null : Words.of(anywhere);
        if (words != null) {
            // searched first: a few indexOf calls against RE2/J's fixed cost per call, and when the
            // words are found (an ERROR line for a cause filter) the anchored part need not run
            parts.add(words::foundIn);
        }
        if (!atStart.isEmpty()) {
            parts.add(Probe.of(null, atStart(atStart), flags)::found);
        }
        if (!anywhere.isEmpty() && words == null) {
            parts.add(Probe.of(null, String.join("|", anywhere), flags)::found);
        }
        return new RegexRun(null, List.copyOf(parts));
    }

    /** True when the caller reads no capture: {@link #matches} answers. */
    boolean booleanOnly() {
        return parts != null;
    }

    /** Whether the regex finds a match in {@code text}; for a regex whose captures are not read. */
    boolean matches(String text) {
        for (Predicate<String> part : parts) {
            if (part.test(text)) {
                return true;
            }
        }
        return false;
    }

    /** The matcher on the match {@link Matcher#find()} would give, for its captures; null when there is none. */
    Matcher find(String text) {
        return whole.find(text);
    }

    /** {@code ^} first, not made optional by a quantifier after it. */
    private static boolean startsAtLineStart(String branch) {
        return branch.startsWith("^") && (branch.length() == 1 || "?*+{".indexOf(branch.charAt(1)) < 0);
    }

    /** Alternatives as one regex; when each begins with {@code ^}, as {@code ^(?:…|…)}, which means the same. */
    private static String atStart(List<String> branches) {
        if (branches.size() < 2 || !branches.stream().allMatch(RegexRun::startsAtLineStart)) {
            return String.join("|", branches);
        }
        List<String> rest = branches.stream().map(b -> b.substring(1)).toList();
        return "^(?:" + String.join("|", rest) + ")";
    }

    /**
     * A regex, and the same without the {@code m} flag for a text of one line (where it means the
     * same). A regex with {@code m} whose alternatives all begin with {@code ^} and which cannot
     * match a newline finds its match within one line, from the line's start: on a text of several
     * lines (a traceback joined to its line) it is run on each line as a text of its own, without
     * {@code m}, which gives the same match ({@code ^}, {@code $} and {@code \b} see a line's ends as
     * they see a newline) and stops early on each line instead of walking the whole text.
     */
    private record Probe(Pattern multiLine, Pattern oneLine, boolean byLine, RegexGuard lineGuard, boolean[] firstChars) {
        /** An escape that can match a newline (anything but these), or a negated class. */
        private static final java.util.regex.Pattern MAY_MATCH_NEWLINE =
                java.util.regex.Pattern.compile("\\\\[^dwbBSAz\\p{Punct}]|\\[\\^|\\(\\?[a-zA-Z]*s|[\\x00-\\x1f]");

        /** @param compiled {@code source} with {@code flags} compiled already, or null */
        static Probe of(Pattern compiled, String source, String flags) {
            Pattern p = compiled != null ? compiled : compile(source, flags);
            // anchored at the start of the text (or of each line it is run on): its first characters tell
            boolean[] first = flags.contains("i") ? null : FirstChars.of(RequiredLiterals.splitTopLevel(source));
            if (!flags.contains("m")) {
                return new Probe(p, p, false, null, first);
            }
            boolean byLine = !flags.contains("s") && !MAY_MATCH_NEWLINE.matcher(source).find() && !BARE_FLAGS.matcher(source).find()
                    && RequiredLiterals.splitTopLevel(source).stream().allMatch(RegexRun::startsAtLineStart);
            return new Probe(p, compile(source, flags.replace("m", "")), byLine, null, first);
        }

        /**
         * This probe, run line by line only on the lines {@code guard} admits: a match within one
         * line holds one of the regex's required literals there.
         */
        Probe guardingLines(RegexGuard guard) {
            return byLine && guard != null ? new Probe(multiLine, oneLine, true, guard, firstChars) : this;
        }

        private static Pattern compile(String source, String flags) {
            return Pattern.compile(flags.isEmpty() ? source : "(?" + flags + ")" + source);
        }

        /** The matcher on the match {@link Matcher#find()} of {@link #multiLine} gives on {@code text} (or on its line); null when none. */
        Matcher find(String text) {
            if (multiLine == oneLine) {
                // without m, ^ is the start of the text
                return mayBeginWith(text) ? found(multiLine.matcher(text)) : null;
            }
            if (!byLine && text.indexOf('\n') >= 0) {
                return found(multiLine.matcher(text));
            }
            int start = 0;
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                Matcher m = foundInLine(text.substring(start, nl));
                if (m != null) {
                    return m;
                }
                start = nl + 1;
            }
            // a text of one line was admitted whole before the regex was asked
            return start == 0 ? (mayBeginWith(text) ? found(oneLine.matcher(text)) : null) : foundInLine(text.substring(start));
        }

        private Matcher foundInLine(String line) {
            return lineGuard != null && !lineGuard.admits(line) || !mayBeginWith(line) ? null : found(oneLine.matcher(line));
        }

        /** False when a match at the start of {@code text} (a text of one line, or read without m) cannot begin with its first character. */
        private boolean mayBeginWith(String text) {
            if (firstChars == null || text.isEmpty()) {
                return true;
            }
            char c = text.charAt(0);
            return c >= firstChars.length || firstChars[c];
        }

        boolean found(String text) {
            return find(text) != null;
        }

        private static Matcher found(Matcher m) {
            return m.find() ? m : null;
        }
    }

    /**
     * Alternatives that are each words, or one group of words, between optional {@code \b}: a
     * match is an occurrence of one of the words with the boundaries it asks for, so a search for
     * each word finds what RE2 would.
     */
    private record Words(List<Word> words) {
        private record Word(String text, boolean boundaryBefore, boolean boundaryAfter) {}

        /** The words of the alternatives, or null when one of them is anything else. */
        static Words of(List<String> branches) {
            List<Word> words = new ArrayList<>();
            for (String b : branches) {
                if (!parse(b, words)) {
                    return null;
                }
            }
            return new Words(List.copyOf(words));
        }

        private static boolean parse(String b, List<Word> out) {
            boolean before = b.startsWith("\\b");
            int start = before ? 2 : 0;
            boolean after = b.length() - start >= 2 && b.endsWith("\\b") && !b.endsWith("\\\\b");
            int end = after ? b.length() - 2 : b.length();
            String body = b.substring(start, end);
            List<String> texts = new ArrayList<>();
            if (body.startsWith("(")) {
                int open = body.startsWith("(?:") ? 3 : 1;
                if (!body.endsWith(")") || body.length() <= open + 1) {
                    return false;
                }
                for (String alt : body.substring(open, body.length() - 1).split("\\|", -1)) {
                    texts.add(alt);
                }
            } else {
                texts.add(body);
            }
            for (String t : texts) {
                String literal = literal(t);
                if (literal == null) {
                    return false;
                }
                out.add(new Word(literal, before, after));
            }
            return true;
        }

        /** The text a run of plain characters and escaped punctuation stands for; null when it is anything else. */
        private static String literal(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() && isPunctuation(s.charAt(i + 1))) {
                    b.append(s.charAt(++i));
                } else if (c >= 0x20 && c < 0x7f && "\\.^$|?*+()[]{}".indexOf(c) < 0) {
                    b.append(c);
                } else {
                    return null;
                }
            }
            return b.isEmpty() ? null : b.toString();
        }

        private static boolean isPunctuation(char c) {
            return c > 0x20 && c < 0x7f && !isWord(c);
        }

        boolean foundIn(String text) {
            for (Word w : words) {
                for (int at = text.indexOf(w.text()); at >= 0; at = text.indexOf(w.text(), at + 1)) {
                    int end = at + w.text().length();
                    if ((!w.boundaryBefore() || boundaryAt(text, at)) && (!w.boundaryAfter() || boundaryAt(text, end))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** RE2's {@code \b}: a word character on one side only; word characters are ASCII letters, digits and '_'. */
        private static boolean boundaryAt(String text, int at) {
            boolean left = at > 0 && isWord(text.charAt(at - 1));
            boolean right = at < text.length() && isWord(text.charAt(at));
            return left != right;
        }

        private static boolean isWord(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
    }
}
