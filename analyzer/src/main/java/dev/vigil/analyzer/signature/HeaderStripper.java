package dev.vigil.analyzer.signature;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes the header that common application log layouts put before the message, when the
 * layout is not known: the time stamp, the level, the thread or process in brackets, the pid and
 * the logger name, in the orders these layouts write them. The level is kept as a field.
 * <ul>
 *   <li>log4j and logback defaults: {@code 2017-09-13 17:37:45,377 INFO org.example.Foo: msg},
 *       {@code 16:06:09.031 [main] INFO  org.example.App - msg}, with a thread in brackets
 *       before or after the level;</li>
 *   <li>Python's logging ({@code WARNING:root:msg}, {@code 2004-07-02 13:00:08,743 DEBUG msg},
 *       {@code 2005-03-19 15:10:26,697 - simple_example - ERROR - msg}), Spring Boot's {@code ERROR 1 --- [main] logger : msg},
 *       uvicorn ({@code INFO:     msg}), .NET's console logger and Ruby's Logger (the headers that
 *       start with the level: {@link LeadingLevelHeader}), Rust's env_logger
 *       ({@code [2020-05-08T20:32:10Z ERROR target] msg}), Serilog ({@code [11:04:35 FTL] msg},
 *       {@code [14:53:49 WRN] [SourceContext] msg}), zap's console encoder (the logger name and caller
 *       after the level: {@link ZapConsoleFields}), gunicorn ({@code [date] [pid] [INFO] msg}), Go's log
 *       and slog ({@code 2022/11/08 15:28:26 INFO msg});</li>
 *   <li>nginx and Apache error logs ({@code [notice] 2761#0:}, {@code [core:error] [pid 1]
 *       [client 1.2.3.4:5]}) and the common access log format ({@code host - user [date]});</li>
 *   <li>syslog: after a syslog date, the host and {@code program[pid]:};</li>
 *   <li>{@code heroku logs}: the router's stamp and {@code app[web.1]:} before the app's own line
 *       ({@link LogplexPrefix}).</li>
 * </ul>
 * A line with none of these headers is returned whole.
 *
 * <p>This is a heuristic for logs without a declared layout; a known layout is better served by
 * {@link LogFormat}.
 */
public final class HeaderStripper {

    private static final int MAX_TIME_TOKENS = 5;
    /** Most header fields after the time stamp: level, thread, pid, client, separators, logger. */
    private static final int MAX_HEADER_FIELDS = 8;
    private static final Set<String> MONTHS_AND_DAYS = Set.of("jan", "feb", "mar", "apr", "may", "jun",
            "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** Level words of the common layouts, with Serilog's three-letter ones ({@code [11:04:35 FTL]}). */
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "notice", "warn", "warning",
            "error", "err", "fatal", "critical", "crit", "severe", "alert", "emerg", "panic", "dpanic",
            "vrb", "dbg", "inf", "wrn", "ftl");
    /** The separators of a bracketed stamp's parts; compiled once, as String.split would for each line. */
    private static final Pattern STAMP_PARTS = Pattern.compile("[ /-]+");
    private static final Map<Character, String> MONGO_LEVELS = Map.of('F', "FATAL", 'E', "ERROR", 'W', "WARNING", 'I', "INFO", 'D', "DEBUG");

    /**
     * A line cut after its header.
     *
     * @param message the message, without the header
     * @param level the level the header names, upper case, as the logger spells it ({@code ERROR},
     *     {@code WARNING}, {@code NOTICE}, Serilog's {@code FTL}, .NET's {@code FAIL}); null when it
     *     names none
     */
    public record Stripped(String message, String level) {

        /**
         * The syslog priority the level stands for (0 {@code emerg} to 7 {@code debug}, as
         * journald's {@code PRIORITY}), so file lines can be filtered as journald lines are;
         * null without a level.
         */
        public Integer priority() {
            if (level == null) {
                return null;
            }
            return switch (level) {
                case "EMERG", "PANIC" -> 0;
                case "ALERT" -> 1;
                case "CRIT", "CRITICAL", "FATAL", "SEVERE", "FTL", "DPANIC" -> 2;
                case "ERR", "ERROR", "FAIL" -> 3;
                case "WARN", "WARNING", "WRN" -> 4;
                case "NOTICE" -> 5;
                case "INFO", "INF" -> 6;
                default -> 7;
            };
        }
    }

    /**
     * The text an event's signature is mined from: a line of an application log file without
     * its header, so that neither its own time stamp nor its level lands in the template and
     * the summary; journald and kernel messages come without one and are taken as they are.
     */
    public String minedText(Event event) {
        return event.source() == Source.FILE ? strip(event.message()) : event.message();
    }

    /** The message part of {@code line}. */
    public String strip(String line) {
        return parse(line).message();
    }

    /** The message part of {@code line} and the level its header names. */
    public Stripped parse(String line) {
        int pos = skipSpaces(line, 0);
        Stripped prefixed = LeadingLevelHeader.parse(line, pos);
        if (prefixed != null) {
            return prefixed;
        }
        int app = LogplexPrefix.appLineStart(line, pos);
        if (app > 0) {
            return parse(line.substring(app));
        }
        int access = AccessLogHeader.end(line, pos);
        if (access > 0) {
            return new Stripped(line.substring(access), null);
        }
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
                // a stamp in brackets with a month name or a zone, or glued to the next group: PHP's
                // [26-Apr-2023 16:28:16 UTC], Elasticsearch's [2018-07-31T17:22:21,640][ERROR]
                int group = timeTokens == 0 ? bracketedGroupEnd(line, pos) : -1;
                if (group > 0 && isBracketedStamp(line.substring(pos + 1, group - 1))) {
                    timeTokens++;
                    pos = skipSpaces(line, group);
                }
                break;
            }
            syslogDate |= monthOrDay && timeTokens == 0;
            timeTokens++;
            pos = skipSpaces(line, end);
        }
        if (timeTokens == 0) {
            return new Stripped(line, null);
        }
        Stripped fields = headerFields(line, pos);
        if (fields != null) {
            return fields;
        }
        return new Stripped(syslogDate ? skipSyslogSource(line, pos) : line.substring(pos), null);
    }

    /**
     * The fields between the time stamp and the message, in any order: a level (bare, in
     * brackets, or as {@code [module:level]}), bracketed groups (thread, pid, client),
     * separators, a pid ({@code 12345 ---}, nginx's {@code 2761#0:} and {@code *1}), and last a
     * logger name ({@code org.example.Foo:}, {@code org.example.App -}). Null when no level is
     * among them: without one, a bracket or a name is as likely part of the message.
     */
    private static Stripped headerFields(String line, int from) {
        int pos = from;
        String level = null;
        for (int field = 0; field < MAX_HEADER_FIELDS && pos < line.length(); field++) {
            if (line.charAt(pos) == '[') {
                int end = bracketedGroupEnd(line, pos);
                if (end < 0) {
                    break;
                }
                String inner = line.substring(pos + 1, end - 1).strip();
                String bracketLevel = level == null ? levelOf(inner.substring(inner.lastIndexOf(':') + 1)) : null;
                level = bracketLevel != null ? bracketLevel : level;
                pos = skipSeparator(line, skipSpaces(line, end));
                continue;
            }
            int end = tokenEnd(line, pos);
            String token = line.substring(pos, end);
            int next = skipSpaces(line, end);
            String nextToken = line.substring(next, tokenEnd(line, next));
            // Celery's [stamp: ERROR/MainProcess]: the level and the process joined by a slash
            int slash = token.endsWith("]") ? token.indexOf('/') : -1;
            String tokenLevel = level == null ? levelOf(bare(slash > 0 ? token.substring(0, slash) : token)) : null;
            int component = field == 0 ? mongoComponentEnd(line, token, next, nextToken) : -1;
            if (component > 0) {
                level = MONGO_LEVELS.get(token.charAt(0));
                pos = component;
            } else if (tokenLevel != null) {
                level = tokenLevel;
                pos = next;
            } else if (isSeparator(token) || isPid(token, nextToken) || isLoggerBeforeLevel(line, level, token, next, nextToken)) {
                pos = next;
            } else {
                if (level != null) {
                    int message = ZapConsoleFields.afterCaller(line, pos);
                    pos = message > pos ? message : afterLogger(line, pos, token, next, nextToken);
                }
                break;
            }
        }
        return level == null ? null : new Stripped(line.substring(pos), level);
    }

    /**
     * MongoDB 3.0-4.2's text header after the stamp: a severity letter ({@code F E W I D}, 4.2's
     * {@code D1}-{@code D5}), an upper-case component and its {@code [context]}
     * ({@code E  NETWORK  [conn25854]}): where the context starts, else -1.
     */
    private static int mongoComponentEnd(String line, String letter, int next, String component) {
        boolean severity = (letter.length() == 1 || letter.length() == 2 && letter.charAt(0) == 'D'
                && letter.charAt(1) >= '1' && letter.charAt(1) <= '5') && MONGO_LEVELS.containsKey(letter.charAt(0));
        if (!severity || component.isEmpty() || !(component.equals("-") || component.chars().allMatch(c -> c >= 'A' && c <= 'Z'))) {
            return -1;
        }
        int context = skipSpaces(line, next + component.length());
        return context < line.length() && line.charAt(context) == '[' ? context : -1;
    }

    /**
     * Python's {@code %(asctime)s - %(name)s - %(levelname)s - %(message)s} (the logging HOWTO's format): a
     * logger name before the level, each followed by a lone {@code -}.
     */
    private static boolean isLoggerBeforeLevel(String line, String level, String token, int next, String nextToken) {
        int after = skipSpaces(line, next + 1);
        return level == null && nextToken.equals("-") && isName(token) && levelOf(line.substring(after, tokenEnd(line, after))) != null;
    }

    /** A bracketed stamp: words of digits and date punctuation, month and day names, an upper-case zone ({@code UTC}). */
    private static boolean isBracketedStamp(String inner) {
        boolean time = false;
        for (String part : STAMP_PARTS.split(inner)) {
            boolean zone = part.length() >= 3 && part.length() <= 4 && part.chars().allMatch(c -> c >= 'A' && c <= 'Z');
            if (!zone && !MONTHS_AND_DAYS.contains(part.toLowerCase(Locale.ROOT)) && !isTimeLike(part)) {
                return false;
            }
            time |= part.indexOf(':') > 0;
        }
        return time;
    }

    /** The level a word names, upper case, or null. */
    static String levelOf(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return LEVELS.contains(lower) ? lower.toUpperCase(Locale.ROOT) : null;
    }

    /** A pid before a separator or bracket ({@code 4242 ---}), nginx's {@code 2761#0:} or connection {@code *1}. */
    private static boolean isPid(String token, String next) {
        if (token.length() > 1 && token.charAt(0) == '*' && allDigits(token, 1, token.length())) {
            return true;
        }
        int hash = token.indexOf('#');
        if (hash > 0 && token.endsWith(":")) {
            return allDigits(token, 0, hash) && allDigits(token, hash + 1, token.length() - 1);
        }
        return allDigits(token, 0, token.length()) && (isSeparator(next) || next.startsWith("["));
    }

    /**
     * Where the message starts after a logger name: {@code org.example.Foo:} (a dotted name
     * ending with a colon), or a name followed by a lone {@code -} or {@code :}
     * ({@code org.example.App - msg}, {@code o.s.b.StartupInfoLogger  : msg}); else {@code pos}.
     */
    private static int afterLogger(String line, int pos, String token, int next, String nextToken) {
        if (closesLeadingBracket(line, pos, token)) {
            return next;
        }
        if (token.length() > 1 && token.endsWith(":") && token.indexOf('.') > 0
                && isName(token.substring(0, token.length() - 1))) {
            return next;
        }
        if ((nextToken.equals("-") || nextToken.equals(":")) && isName(token)) {
            return skipSpaces(line, next + 1);
        }
        return pos;
    }

    /**
     * Whether {@code token}, a Rust module path ({@code librespot_playback::player]}), closes the
     * bracket the line opens with: env_logger's {@code [2020-05-08T20:32:10Z ERROR target] msg}.
     */
    private static boolean closesLeadingBracket(String line, int pos, String token) {
        int close = pos + token.length() - 1;
        return token.length() > 1 && line.indexOf(']') == close && line.charAt(skipSpaces(line, 0)) == '['
                && isName(token.substring(0, token.length() - 1).replace("::", "."));
    }

    /** A logger or category name: a letter, then letters, digits and {@code . _ $ -}. */
    static boolean isName(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && c != '$' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} from {@code from} to {@code to} is one or more ASCII digits. */
    static boolean allDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
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

    /** Digits with date and time punctuation only: {@code 2026-02-08}, {@code 09:04:45,123}, {@code [12.5]}, ISO 8601's {@code T} and {@code Z}. */
    static boolean isTimeLike(String token) {
        String t = bare(token);
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if ("-:/.,+TZtz".indexOf(c) < 0) {
                return false;
            }
        }
        return digit;
    }

    /** A separator between header fields; Spring Boot's default pattern puts {@code ---} after the pid. */
    private static boolean isSeparator(String token) {
        return token.equals("-") || token.equals("|") || token.equals("--") || token.equals("---");
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
        return token.substring(from, to).toLowerCase(Locale.ROOT);
    }

    static int tokenEnd(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
