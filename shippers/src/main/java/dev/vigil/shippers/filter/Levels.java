package dev.vigil.shippers.filter;

import java.util.List;
import java.util.Locale;

/** syslog severity names (RFC 5424 section 6.2.1) as numbers, 0 emerg to 7 debug; journald's {@code PRIORITY}. */
public final class Levels {
    private static final List<String> NAMES = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");

    private Levels() {}

    /** The number of a level name ({@code err}, {@code error}, {@code warn} accepted) or digit 0-7. */
    public static int parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = switch (t) {
            case "error" -> 3;
            case "warn" -> 4;
            case "emergency" -> 0;
            case "critical" -> 2;
            default -> t.length() == 1 && t.charAt(0) >= '0' && t.charAt(0) <= '7' ? t.charAt(0) - '0' : NAMES.indexOf(t);
        };
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
}
