package dev.vigil.shippers.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * syslog severity names (RFC 5424 section 6.2.1) as numbers, 0 emerg to 7 debug; journald's
 * {@code PRIORITY}. The names programs' loggers write for their levels map onto them too:
 * log4j/logback/slf4j ({@code FATAL}, {@code WARN}, {@code TRACE}), java.util.logging
 * ({@code SEVERE}, {@code FINE}), Serilog's three letters ({@code ERR}, {@code FTL}, {@code VRB}),
 * log15 and logrus's four ({@code eror}, {@code dbug}, {@code ERRO}, {@code FATA}), ASP.NET Core's
 * console ({@code fail}, {@code trce}), PostgreSQL's {@code PANIC}, zap's {@code DPANIC} (its "particularly
 * important errors", above error: crit).
 */
public final class Levels {
    private static final List<String> NAMES = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");

    /** Every name a logger writes, lower case, with its number. */
    private static final Map<String, Integer> LOGGER_NAMES = Map.ofEntries(
            Map.entry("emerg", 0), Map.entry("emergency", 0), Map.entry("panic", 0), Map.entry("pani", 0),
            Map.entry("alert", 1),
            Map.entry("crit", 2), Map.entry("critical", 2), Map.entry("fatal", 2), Map.entry("fata", 2), Map.entry("ftl", 2),
            Map.entry("dpanic", 2),
            Map.entry("err", 3), Map.entry("error", 3), Map.entry("eror", 3), Map.entry("erro", 3), Map.entry("fail", 3),
            Map.entry("severe", 3),
            Map.entry("warning", 4), Map.entry("warn", 4), Map.entry("wrn", 4),
            Map.entry("notice", 5),
            Map.entry("info", 6), Map.entry("inf", 6), Map.entry("information", 6),
            Map.entry("debug", 7), Map.entry("dbg", 7), Map.entry("dbug", 7), Map.entry("debu", 7), Map.entry("trace", 7),
            Map.entry("trac", 7), Map.entry("trce", 7), Map.entry("verbose", 7), Map.entry("vrb", 7), Map.entry("fine", 7),
            Map.entry("finer", 7), Map.entry("finest", 7));

    /** The names by length, so a word is compared with the few names as long as it, without a copy. */
    private static final String[][] BY_LENGTH = byLength();
    /** The number of each name of {@link #BY_LENGTH}, in the same places. */
    private static final int[][] NUMBERS_BY_LENGTH = numbersByLength();
    /** The letters a name starts with, lower case: most words are told apart by their first letter. */
    private static final boolean[] FIRST_LETTERS = firstLetters();

    private Levels() {}

    /** The number of a level name ({@code err}, {@code error}, {@code warn}, any logger's name above) or digit 0-7. */
    public static int parse(String text) {
        String t = text.trim();
        int i = t.length() == 1 && t.charAt(0) >= '0' && t.charAt(0) <= '7' ? t.charAt(0) - '0' : ofName(t, 0, t.length());
        if (i < 0) {
            throw new IllegalArgumentException("unknown level '" + text + "', expected one of " + String.join(", ", NAMES)
                    + " or 0-7");
        }
        return i;
    }

    /** The name of level {@code n}. */
    public static String name(int n) {
        return NAMES.get(n);
    }

    /** The number of the level name {@code text[from, to)} in any case, or -1 when it names none. */
    public static int ofName(CharSequence text, int from, int to) {
        int length = to - from;
        if (length >= BY_LENGTH.length || length == 0) {
            return -1;
        }
        char first = (char) (text.charAt(from) | 0x20);
        if (first >= FIRST_LETTERS.length || !FIRST_LETTERS[first]) {
            return -1;
        }
        String[] names = BY_LENGTH[length];
        for (int i = 0; i < names.length; i++) {
            if (regionMatchesIgnoreCase(text, from, names[i])) {
                return NUMBERS_BY_LENGTH[length][i];
            }
        }
        return -1;
    }

    /**
     * The number of a one-letter level: klog/glog's {@code I W E F} and Android logcat's
     * {@code V D I W E F A} (assert, its highest); -1 for any other letter.
     */
    public static int ofLetter(char c) {
        return switch (c) {
            case 'V', 'D' -> 7;
            case 'I' -> 6;
            case 'W' -> 4;
            case 'E' -> 3;
            case 'F', 'A' -> 2;
            default -> -1;
        };
    }

    private static boolean regionMatchesIgnoreCase(CharSequence text, int from, String lowerName) {
        int length = lowerName.length();
        for (int i = 0; i < length; i++) {
            char n = lowerName.charAt(i);
            char c = text.charAt(from + i);
            if (c != n && (c | 0x20) != n) {
                return false;
            }
        }
        return true;
    }

    private static int[][] numbersByLength() {
        int[][] numbers = new int[BY_LENGTH.length][];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Arrays.stream(BY_LENGTH[i]).mapToInt(LOGGER_NAMES::get).toArray();
        }
        return numbers;
    }

    private static boolean[] firstLetters() {
        boolean[] letters = new boolean[128];
        LOGGER_NAMES.keySet().forEach(n -> letters[n.charAt(0)] = true);
        return letters;
    }

    private static String[][] byLength() {
        int longest = LOGGER_NAMES.keySet().stream().mapToInt(String::length).max().orElseThrow();
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i <= longest; i++) {
            lists.add(new ArrayList<>());
        }
        LOGGER_NAMES.keySet().stream().sorted().forEach(n -> lists.get(n.length()).add(n.toLowerCase(Locale.ROOT)));
        return lists.stream().map(l -> l.toArray(String[]::new)).toArray(String[][]::new);
    }
}
