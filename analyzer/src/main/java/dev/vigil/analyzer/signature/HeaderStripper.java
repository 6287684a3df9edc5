package dev.vigil.analyzer.signature;

import java.util.Set;

/**
 * Removes the usual header from a log line when its layout is not known: leading date and time
 * tokens, then either a level ({@code INFO}, {@code [error]}) with the bracketed thread or source
 * after it ({@code [main]}), or, after a syslog date, the host and {@code program[pid]:}. A line
 * that does not start with a date or time is returned whole.
 *
 * <p>This is a heuristic for {@code vigil signatures} without {@code --format}; a known layout
 * is better served by {@link LogFormat}.
 */
public final class HeaderStripper {

    private static final int MAX_TIME_TOKENS = 5;
    private static final Set<String> MONTHS_AND_DAYS = Set.of("jan", "feb", "mar", "apr", "may", "jun",
            "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "notice", "warn", "warning",
            "error", "err", "fatal", "critical", "crit", "severe", "alert", "emerg", "panic");

    /** The message part of {@code line}. */
    public String strip(String line) {
        int pos = skipSpaces(line, 0);
        int timeTokens = 0;
        boolean syslogDate = false;
        while (timeTokens < MAX_TIME_TOKENS && pos < line.length()) {
            int end = tokenEnd(line, pos);
            String token = line.substring(pos, end);
            if (isSeparator(token) && timeTokens > 0) {
                pos = skipSpaces(line, end);
                continue;
            }
            boolean monthOrDay = MONTHS_AND_DAYS.contains(bare(token));
            if (!monthOrDay && !isTimeLike(token)) {
                break;
            }
            syslogDate |= monthOrDay && timeTokens == 0;
            timeTokens++;
            pos = skipSpaces(line, end);
        }
        if (timeTokens == 0) {
            return line;
        }
        int afterLevel = skipLevel(line, pos);
        if (afterLevel > pos || !syslogDate) {
            return line.substring(afterLevel);
        }
        return skipSyslogSource(line, pos);
    }

    /**
     * Where the message starts after an optional level token, then an optional bracketed thread
     * or source ({@code [main]}, {@code [pool-1-thread-2]}), each maybe followed by a separator.
     */
    private static int skipLevel(String line, int pos) {
        int end = tokenEnd(line, pos);
        if (pos >= line.length() || !LEVELS.contains(bare(line.substring(pos, end)))) {
            return pos;
        }
        int next = skipSeparator(line, skipSpaces(line, end));
        int afterBrackets = bracketedGroupEnd(line, next);
        return afterBrackets < 0 ? next : skipSeparator(line, skipSpaces(line, afterBrackets));
    }

    private static int skipSeparator(String line, int pos) {
        int end = tokenEnd(line, pos);
        return isSeparator(line.substring(pos, end)) ? skipSpaces(line, end) : pos;
    }

    /** End of a balanced {@code [...]} group starting at {@code pos}, or -1. */
    private static int bracketedGroupEnd(String line, int pos) {
        if (pos >= line.length() || line.charAt(pos) != '[') {
            return -1;
        }
        int depth = 0;
        for (int i = pos; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** {@code host program[pid]: message}: drops host and program when the second ends with ':'. */
    private static String skipSyslogSource(String line, int pos) {
        int hostEnd = tokenEnd(line, pos);
        int programStart = skipSpaces(line, hostEnd);
        int programEnd = tokenEnd(line, programStart);
        if (programEnd > programStart && line.charAt(programEnd - 1) == ':') {
            return line.substring(skipSpaces(line, programEnd));
        }
        return line.substring(pos);
    }

    /** Digits with date and time punctuation only: {@code 2026-02-08}, {@code 09:04:45,123}, {@code [12.5]}. */
    private static boolean isTimeLike(String token) {
        String t = bare(token);
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if ("-:/.,+TZ".indexOf(c) < 0) {
                return false;
            }
        }
        return digit;
    }

    private static boolean isSeparator(String token) {
        return token.equals("-") || token.equals("|") || token.equals("--");
    }

    /** Lower-case token without surrounding brackets or a trailing colon. */
    private static String bare(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && "[(<".indexOf(token.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && "])>:,".indexOf(token.charAt(to - 1)) >= 0) {
            to--;
        }
        return token.substring(from, to).toLowerCase(java.util.Locale.ROOT);
    }

    private static int tokenEnd(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
