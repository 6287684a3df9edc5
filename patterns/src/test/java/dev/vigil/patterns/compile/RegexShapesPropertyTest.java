package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The regex readings the prefilter and the fast paths rest on, checked against RE2 itself on
 * regexes a user could write: random regexes built from RE2's syntax (classes with POSIX names,
 * character codes, named classes, quoted text, groups of every spelling, alternatives,
 * quantifiers, flags), each with a text made to match it. For every one, RE2 finds a match, the
 * text holds one of the regex's required literals ({@link RequiredLiterals}: the prefilter and the
 * regex guard skip a line without them), and {@link RegexRun} (its words, anchored alternatives,
 * line-by-line runs and first characters) answers as {@code find()} on that text, on texts cut
 * from it and on texts with a line before or after, with and without the m and s flags.
 */
class RegexShapesPropertyTest {
    private static final int REGEXES = 4_000;
    private static final java.util.concurrent.atomic.AtomicInteger GROUP_NAMES = new java.util.concurrent.atomic.AtomicInteger();

    /** One item of a regex and a text it matches. */
    private record Item(String regex, String text) {}

    /** Items that stand for one character, or a fixed run, of the text. */
    private static final List<Item> ATOMS = List.of(
            new Item("error", "error"), new Item("Killed process", "Killed process"), new Item("oom", "oom"),
            new Item("status=9\\/KILL", "status=9/KILL"), new Item("\\[", "["), new Item("\\.", "."), new Item("a\\.b", "a.b"),
            new Item(": ", ": "), new Item("-", "-"), new Item("_", "_"), new Item("x", "x"), new Item("Q", "Q"),
            new Item("[0-9]", "7"), new Item("[[:space:]]", " "), new Item("[^[:space:]]", "z"), new Item("[[:alpha:]_]", "_"),
            new Item("[[:digit:]]", "4"), new Item("[]a]", "]"), new Item("[\\]x]", "]"), new Item("[^]a]", "b"), new Item("[a-c]", "b"),
            new Item("\\d", "5"), new Item("\\w", "k"), new Item("\\s", " "), new Item("\\S", "S"), new Item(".", "?"),
            new Item("\\x41", "A"), new Item("\\x{42}", "B"), new Item("\\101", "A"), new Item("\\pL", "z"), new Item("\\p{Lu}", "Q"),
            new Item("\\PL", "9"), new Item("\\Q(a|b[\\E", "(a|b["), new Item("\\Q.*\\E", ".*"), new Item("\\|", "|"),
            new Item("\\(", "("), new Item("\\)", ")"), new Item("\\{", "{"), new Item("\\\\", "\\"));

    @Test
    void requiredLiteralsAndFastPathsHoldOnEveryGeneratedRegex() {
        Random random = new Random(20261203);
        int guarded = 0;
        for (int n = 0; n < REGEXES; n++) {
            boolean ignoreCase = random.nextInt(6) == 0;
            Item first = sequence(random, 0);
            Item second = sequence(random, 0);
            boolean anchored = random.nextInt(5) == 0;
            boolean alternatives = random.nextInt(4) == 0;
            boolean takeSecond = alternatives && random.nextBoolean();
            String plain = (anchored ? "^" : "") + first.regex() + (alternatives ? "|" + second.regex() : "");
            String matched = (anchored && !takeSecond ? "" : noise(random)) + (takeSecond ? second : first).text() + noise(random);
            String regex = ignoreCase ? "(?i)" + plain : plain;
            String text = !ignoreCase ? matched : random.nextBoolean() ? matched.toUpperCase(Locale.ROOT) : matched.toLowerCase(Locale.ROOT);
            String flags = List.of("", "", "m", "s", "ms").get(random.nextInt(5));
            String shown = "/" + regex + "/" + flags + " on \"" + text + "\"";
            Pattern compiled = Pattern.compile(flags.isEmpty() ? regex : "(?" + flags + ")" + regex);
            assertTrue(compiled.matcher(text).find(), () -> "the generator made a text the regex matches: " + shown);

            Set<String> literals = RequiredLiterals.ofRegex(regex);
            if (literals != null) {
                guarded++;
                String haystack = text.toLowerCase(Locale.ROOT);
                assertTrue(literals.stream().anyMatch(l -> haystack.contains(l.toLowerCase(Locale.ROOT))),
                        () -> "required " + literals + " of " + shown);
            }
            RegexRun booleanOnly = RegexRun.of(compiled, regex, flags, false);
            RegexRun withCaptures = RegexRun.of(compiled, regex, flags, true);
            for (String t : List.of(text, text.substring(0, text.length() / 2), text.substring(text.length() / 3), "",
                    "x\n" + text, text + "\nx")) {
                boolean found = compiled.matcher(t).find();
                String on = "/" + regex + "/" + flags + " on \"" + t + "\"";
                assertEquals(found, booleanOnly.matches(t), () -> "RegexRun.matches of " + on);
                if (!withCaptures.booleanOnly()) {
                    assertEquals(found, withCaptures.find(t) != null, () -> "RegexRun.find of " + on);
                }
            }
        }
        assertTrue(guarded > REGEXES / 6, "most regexes have required literals, so the soundness check ran: " + guarded);
    }

    /** One to four items in a row. */
    private static Item sequence(Random random, int depth) {
        StringBuilder regex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            Item item = quantified(random, depth);
            regex.append(item.regex());
            text.append(item.text());
        }
        return new Item(regex.toString(), text.toString());
    }

    private static Item quantified(Random random, int depth) {
        Item item = depth < 2 && random.nextInt(4) == 0 ? group(random, depth + 1) : ATOMS.get(random.nextInt(ATOMS.size()));
        boolean single = item.regex().startsWith("(") || item.text().length() == 1 && !item.regex().startsWith("\\Q");
        if (!single || random.nextInt(3) != 0) {
            return item;
        }
        String t = item.text();
        return switch (random.nextInt(7)) {
            case 0 -> new Item(item.regex() + "?", random.nextBoolean() ? t : "");
            case 1 -> new Item(item.regex() + "*", t.repeat(random.nextInt(3)));
            case 2 -> new Item(item.regex() + "+", t.repeat(1 + random.nextInt(2)));
            case 3 -> new Item(item.regex() + "{2}", t.repeat(2));
            case 4 -> new Item(item.regex() + "{0,2}", t.repeat(random.nextInt(3)));
            case 5 -> new Item(item.regex() + "??", "");
            default -> new Item(item.regex() + "{1,}?", t);
        };
    }

    /** A group in one of RE2's spellings, of one alternative or of several (the text takes one). */
    private static Item group(Random random, int depth) {
        String open = switch (random.nextInt(5)) {
            case 0 -> "(";
            case 1 -> "(?:";
            case 2 -> "(?P<g" + GROUP_NAMES.incrementAndGet() + ">";
            case 3 -> "(?i:";
            default -> "(?s:";
        };
        int alternatives = 1 + random.nextInt(3);
        int taken = random.nextInt(alternatives);
        StringBuilder regex = new StringBuilder(open);
        String text = "";
        for (int a = 0; a < alternatives; a++) {
            Item alt = sequence(random, depth);
            regex.append(a > 0 ? "|" : "").append(alt.regex());
            if (a == taken) {
                text = alt.text();
            }
        }
        return new Item(regex.append(')').toString(), text);
    }

    private static String noise(Random random) {
        return List.of("", "x ", "2026-12-03 ", " tail", "\n").get(random.nextInt(5));
    }
}
