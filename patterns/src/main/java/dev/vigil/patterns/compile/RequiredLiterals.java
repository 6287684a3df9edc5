package dev.vigil.patterns.compile;

import dev.vigil.patterns.lang.Expr;
import dev.vigil.patterns.lang.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The texts a message must contain (at least one of them) for a condition to hold, found from
 * the condition and its regexes without running them; null when no such set is known. The
 * analysis is conservative: it may give up (null) but never names a literal a matching message
 * could lack. {@link #of(Expr)} gives lower-case literals for the prefilter, which compares them
 * with the lower-cased message; {@link #ofRegex(String)} keeps their case, for the quick
 * {@code contains} guard in front of a case-sensitive regex.
 */
public final class RequiredLiterals {
    /** Shorter literals occur in almost every message and are not worth indexing. */
    public static final int MIN_LENGTH = 3;

    private RequiredLiterals() {}

    /** The lower-case literal set for a {@code where} condition on an event (null: none known). */
    static Set<String> of(Expr expr) {
        Set<String> literals = ofExpr(expr);
        if (literals == null) {
            return null;
        }
        Set<String> lower = new HashSet<>();
        literals.forEach(l -> lower.add(l.toLowerCase(Locale.ROOT)));
        return lower;
    }

    private static Set<String> ofExpr(Expr expr) {
        if (expr == null) {
            return null;
        }
        if (expr instanceof Expr.And a) {
            return better(ofExpr(a.left()), ofExpr(a.right()));
        } else if (expr instanceof Expr.Or o) {
            return union(ofExpr(o.left()), ofExpr(o.right()));
        } else if (!isMessage(expr)) {
            return null;
        } else if (expr instanceof Expr.RegexTest r && !r.negated()) {
            return ofRegex(r.regex().source());
        } else if (expr instanceof Expr.Contains c) {
            return usable(Set.of(c.text().value()));
        } else if (expr instanceof Expr.Compare c && c.op().equals("==")) {
            return usable(Set.of(c.value().text()));
        } else if (expr instanceof Expr.In in) {
            Set<String> values = new HashSet<>();
            in.values().stream().map(Value::text).forEach(values::add);
            return usable(values);
        }
        return null;
    }

    private static boolean isMessage(Expr expr) {
        return expr instanceof Expr.FieldTest t && t.field().dotted().equals("message");
    }

    /**
     * The literal set for a regex, in the regex's own case: one per top-level alternative, or
     * null. A regex nested deeper than {@link RegexLimits#MAX_NESTING} gets null: the analysis
     * recurses once per level, and the compiler refuses such a regex anyway.
     */
    public static Set<String> ofRegex(String regex) {
        return RegexLimits.nesting(regex) > RegexLimits.MAX_NESTING ? null : ofNested(regex);
    }

    /** {@link #ofRegex} for a regex known to be within the nesting limit. */
    private static Set<String> ofNested(String regex) {
        List<String> branches = splitTopLevel(regex);
        Set<String> all = new HashSet<>();
        for (String branch : branches) {
            Set<String> required = ofBranch(branch);
            if (required == null) {
                return null;
            }
            all.addAll(required);
        }
        return usable(all);
    }

    /** The best requirement among the sequence of items in one alternative. */
    private static Set<String> ofBranch(String branch) {
        Set<String> best = null;
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < branch.length()) {
            char c = branch.charAt(i);
            int end;
            String literal = null;
            Set<String> group = null;
            if (c == '\\') {
                end = escapeEnd(branch, i);
                char escaped = end - 1 > i ? branch.charAt(i + 1) : '\\';
                literal = Character.isLetterOrDigit(escaped) ? null : String.valueOf(escaped);
            } else if (c == '[') {
                end = skipClass(branch, i);
            } else if (c == '(') {
                end = skipGroup(branch, i);
                if (branch.charAt(end - 1) != ')' || end - i < 2) {
                    // an unclosed group: the regex compiler reports it, nothing is required
                    return null;
                }
                group = ofNested(groupBody(branch.substring(i, end)));
            } else if (c == '{') {
                int close = branch.indexOf('}', i);
                end = close < 0 ? i + 1 : close + 1;
            } else if ("^$.|)*+?".indexOf(c) >= 0) {
                end = i + 1;
            } else {
                end = i + 1;
                literal = String.valueOf(c);
            }
            char quantifier = end < branch.length() ? branch.charAt(end) : 0;
            boolean optional = quantifier == '?' || quantifier == '*' || branch.startsWith("{0", end);
            boolean repeated = quantifier == '+' || quantifier == '{';
            if (literal != null && !optional) {
                run.append(literal);
            }
            if (literal == null || optional || repeated) {
                best = better(best, usable(run.isEmpty() ? null : Set.of(run.toString())));
                run.setLength(0);
            }
            if (group != null && !optional) {
                best = better(best, group);
            }
            i = end;
        }
        return better(best, usable(run.isEmpty() ? null : Set.of(run.toString())));
    }

    private static String groupBody(String group) {
        String body = group.substring(1, group.length() - 1);
        if (body.startsWith("?P<") || body.startsWith("?<")) {
            return body.substring(body.indexOf('>') + 1);
        }
        if (!body.startsWith("?")) {
            return body;
        }
        // (?:…) and (?flags:…) hold text; a bare (?flags) holds none. Case flags do not matter:
        // the prefilter compares lower-cased text.
        int colon = body.indexOf(':');
        return colon < 0 ? "" : body.substring(colon + 1);
    }

    /**
     * The index after the escape at {@code i}, read as RE2 reads it: a character code
     * ({@code \\x41}, {@code \\x{263a}}, octal {@code \\101}), a named class ({@code \\pL},
     * {@code \\p{Greek}}) or quoted text ({@code \\Q…\\E}, taken as one item that requires
     * nothing) is one item; its digits and letters are not text the message holds.
     */
    private static int escapeEnd(String s, int i) {
        int n = s.length();
        char e = i + 1 < n ? s.charAt(i + 1) : 0;
        int end;
        if ((e == 'x' || e == 'p' || e == 'P') && i + 2 < n && s.charAt(i + 2) == '{') {
            int close = s.indexOf('}', i + 3);
            end = close < 0 ? n : close + 1;
        } else if (e == 'x') {
            end = i + 4;
        } else if (e == 'p' || e == 'P') {
            end = i + 3;
        } else if (e >= '0' && e <= '7') {
            end = i + 2;
            while (end < n && end < i + 4 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                end++;
            }
        } else if (e == 'Q') {
            int close = s.indexOf("\\E", i + 2);
            end = close < 0 ? n : close + 2;
        } else {
            end = i + 2;
        }
        return Math.min(end, n);
    }

    /** The index after the class opened at {@code open}; a POSIX class ({@code [[:space:]]}) is inside it. */
    private static int skipClass(String s, int open) {
        return RegexLimits.endOfClass(s, open) + 1;
    }

    private static int skipGroup(String s, int open) {
        return Math.min(scanLevel(s, open + 1, bar -> { }) + 1, s.length());
    }

    /** The top-level alternatives of a regex (split at each {@code |} outside groups and classes). */
    static List<String> splitTopLevel(String regex) {
        List<Integer> bars = new ArrayList<>();
        scanLevel(regex, 0, bars::add);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int bar : bars) {
            parts.add(regex.substring(start, bar));
            start = bar + 1;
        }
        parts.add(regex.substring(start));
        return parts;
    }

    /**
     * Scans one nesting level from {@code from}: skips escapes, classes and nested groups,
     * reports each {@code |} of this level, and returns the index of the {@code )} that closes
     * the level (the length of {@code s} at the top).
     */
    private static int scanLevel(String s, int from, IntConsumer onBar) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i = escapeEnd(s, i) - 1;
            } else if (c == '[') {
                i = skipClass(s, i) - 1;
            } else if (c == '(') {
                i = scanLevel(s, i + 1, bar -> { });
            } else if (c == ')') {
                return i;
            } else if (c == '|') {
                onBar.accept(i);
            }
        }
        return s.length();
    }

    /** The literals, or null when any is too short to help. */
    private static Set<String> usable(Set<String> literals) {
        if (literals == null || literals.isEmpty()) {
            return null;
        }
        return literals.stream().allMatch(l -> l.length() >= MIN_LENGTH) ? literals : null;
    }

    /** Of two requirements that both hold, the more selective one (longest shortest literal). */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return shortest(b) > shortest(a) ? b : a;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (a == null || b == null) {
            return null;
        }
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static int shortest(Set<String> literals) {
        return literals.stream().mapToInt(String::length).min().orElse(0);
    }
}
