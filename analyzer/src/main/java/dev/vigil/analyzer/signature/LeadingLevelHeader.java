package dev.vigil.analyzer.signature;

import dev.vigil.analyzer.signature.HeaderStripper.Stripped;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers {@link HeaderStripper} reads that start with the level rather than a time stamp:
 * <ul>
 *   <li>Python's logging default {@code WARNING:root:msg} and uvicorn's {@code INFO:     msg};</li>
 *   <li>.NET's console logger (Microsoft.Extensions.Logging.Console's simple format): a four-letter
 *       level, the category and its event id, {@code fail: Microsoft.AspNetCore.Server.Kestrel[13]},
 *       and the message on the indented line under it (joined to it as one event by the file reader),
 *       or after it on the same line in its single-line form;</li>
 *   <li>klog and glog (Kubernetes and Go programs): {@code E1106 05:20:08.917958    4780 file.go:77] msg};</li>
 *   <li>Ruby's Logger (Logger::Formatter's {@code "%s, [%s #%d] %5s -- %s: %s"}): the severity's
 *       letter, the stamp and pid, the severity, the program name
 *       ({@code E, [2023-08-11T13:09:14.244140 #1] ERROR -- : msg}), and Rails' request tags after it
 *       ({@link TaggedLogging}).</li>
 * </ul>
 */
final class LeadingLevelHeader {
    /** .NET's console level names, trace to critical; none of them is a word a message starts with. */
    private static final Set<String> DOTNET_LEVELS = Set.of("trce", "dbug", "info", "warn", "fail", "crit");
    /** klog's and glog's level letters. */
    private static final Map<Character, String> KLOG_LEVELS = Map.of('I', "INFO", 'W', "WARNING", 'E', "ERROR", 'F', "FATAL");
    /** Ruby's Logger severities' first letters: DEBUG, INFO, WARN, ERROR, FATAL, ANY. */
    private static final String RUBY_LETTERS = "DIWEFA";

    private LeadingLevelHeader() {}

    /** The message after the level-first header starting at {@code pos}, with its level; null when the line has none. */
    static Stripped parse(String line, int pos) {
        if (pos >= line.length()) {
            return null;
        }
        char first = line.charAt(pos);
        if (first >= 'a' && first <= 'z') {
            return dotnet(line, pos);
        }
        Stripped ruby = line.startsWith(", [", pos + 1) ? ruby(line, pos) : null;
        Stripped klog = ruby == null ? klog(line, pos) : null;
        return ruby != null ? ruby : klog != null ? klog : upperCaseLevelFirst(line, pos);
    }

    /**
     * An upper-case level and a colon at the very start: Python's default
     * {@code WARNING:root:message} (the logger name up to the next colon goes too) or uvicorn's
     * {@code INFO:     message}; null when the line does not start so.
     */
    private static Stripped upperCaseLevelFirst(String line, int pos) {
        int colon = pos;
        while (colon < line.length() && line.charAt(colon) >= 'A' && line.charAt(colon) <= 'Z') {
            colon++;
        }
        if (colon == pos || colon >= line.length() || line.charAt(colon) != ':') {
            return null;
        }
        String level = HeaderStripper.levelOf(line.substring(pos, colon));
        if (level == null || colon + 1 >= line.length()) {
            return null;
        }
        if (Character.isWhitespace(line.charAt(colon + 1))) {
            return new Stripped(line.substring(HeaderStripper.skipSpaces(line, colon + 1)), level);
        }
        int nameEnd = line.indexOf(':', colon + 1);
        if (nameEnd < 0 || !HeaderStripper.isName(line.substring(colon + 1, nameEnd))) {
            return null;
        }
        return new Stripped(line.substring(nameEnd + 1), level);
    }

    /** {@code fail: Category[EventId]}, then the message (on the next, indented line, or the same one); else null. */
    private static Stripped dotnet(String line, int pos) {
        int category = pos + 6;
        if (category >= line.length() || line.charAt(pos + 4) != ':' || line.charAt(pos + 5) != ' '
                || !DOTNET_LEVELS.contains(line.substring(pos, pos + 4))) {
            return null;
        }
        int end = category;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        int open = line.lastIndexOf('[', end);
        boolean eventId = open > category && line.charAt(end - 1) == ']' && end - 1 > open + 1
                && line.substring(open + 1, end - 1).chars().allMatch(Character::isDigit);
        int message = HeaderStripper.skipSpaces(line, end);
        if (!eventId || message >= line.length() || !HeaderStripper.isName(line.substring(category, open))) {
            return null;
        }
        return new Stripped(line.substring(message), line.substring(pos, pos + 4).toUpperCase(Locale.ROOT));
    }

    /**
     * klog/glog's {@code Lmmdd hh:mm:ss.uuuuuu threadid file:line] message}, the letter the level's
     * ({@code E1106 05:20:08.917958    4780 aws_credentials.go:77] while getting …}); else null.
     */
    private static Stripped klog(String line, int pos) {
        String level = KLOG_LEVELS.get(line.charAt(pos));
        int time = pos + 6;
        if (level == null || time + 15 > line.length() || line.charAt(time - 1) != ' ' || line.charAt(time + 2) != ':'
                || line.charAt(time + 8) != '.' || !HeaderStripper.allDigits(line, pos + 1, pos + 5) || !HeaderStripper.allDigits(line, time, time + 2)) {
            return null;
        }
        int thread = HeaderStripper.skipSpaces(line, HeaderStripper.tokenEnd(line, time));
        int threadEnd = HeaderStripper.tokenEnd(line, thread);
        int caller = HeaderStripper.skipSpaces(line, threadEnd);
        int callerEnd = HeaderStripper.tokenEnd(line, caller);
        if (!HeaderStripper.allDigits(line, thread, threadEnd) || callerEnd - caller < 4 || line.charAt(callerEnd - 1) != ']'
                || line.lastIndexOf(':', callerEnd) <= caller) {
            return null;
        }
        return new Stripped(line.substring(HeaderStripper.skipSpaces(line, callerEnd)), level);
    }

    /** {@code L, [stamp #pid] LEVEL -- progname: message}, the letter the level's first; else null. */
    private static Stripped ruby(String line, int pos) {
        char letter = line.charAt(pos);
        int close = line.indexOf(']', pos + 3);
        int hash = close < 0 ? -1 : line.lastIndexOf(" #", close);
        if (RUBY_LETTERS.indexOf(letter) < 0 || hash <= pos + 3 || close == hash + 2
                || !line.substring(hash + 2, close).chars().allMatch(Character::isDigit)) {
            return null;
        }
        int levelStart = HeaderStripper.skipSpaces(line, close + 1);
        int levelEnd = levelStart;
        while (levelEnd < line.length() && line.charAt(levelEnd) >= 'A' && line.charAt(levelEnd) <= 'Z') {
            levelEnd++;
        }
        String level = HeaderStripper.levelOf(line.substring(levelStart, levelEnd));
        if (level == null || level.charAt(0) != letter || !line.startsWith(" -- ", levelEnd)) {
            return null;
        }
        // the program name runs to the colon; Logger writes it without spaces, and none when unset
        int colon = line.indexOf(':', levelEnd + 4);
        if (colon < 0 || line.substring(levelEnd + 4, colon).chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        int message = colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
        return new Stripped(TaggedLogging.untagged(line, message), level);
    }
}
