package dev.vigil.shippers.filter;

/**
 * The level a program's logger gave a line, as a syslog priority 0 (emerg) to 7 (debug), read
 * where loggers put it: the first level word of the line's head, after the stamp, pid, thread or
 * logger name the format puts before it. So {@code INFO retry after error} is info, and a line
 * that only mentions an error has no level rather than a guessed one.
 *
 * <p>Forms read: a level name ({@link Levels#ofName}) in upper case anywhere in the head; in lower
 * case or capitalised only where a format sets it apart ({@code [error]}, Apache 2.4's
 * {@code [core:error]}, {@code <error>}, {@code |Error|}, {@code error:}, zap's tab-separated
 * {@code error}, the line's first word, a word right after an ANSI colour; Celery's {@code [stamp: ERROR/MainProcess]}
 * splits at the slash inside brackets); {@code level=},
 * {@code lvl=}, {@code severity=} values (logfmt); in a JSON line, the {@code level},
 * {@code severity}, {@code log.level}, {@code levelname}, {@code lvl} or {@code loglevel} member,
 * a name or a number (pino/bunyan's 10-60, GELF's syslog 0-7, Nextcloud's 0-4 after its {@code "reqId"} and in ownCloud 6-7's four members); klog/glog's
 * {@code E1203 10:00:00.123456} (CockroachDB's {@code E201203 10:00:00.123456}) and Android logcat's {@code 12-03 10:00:00.123  1234  5678 E Tag:};
 * MongoDB's letters, after the stamp of its text log (3.0-4.2) or in the {@code "s"} member of its
 * JSON log (4.4+);
 * java.util.logging's {@code SEVERE:} at the start of the second line of its two-line record.
 *
 * <p>It runs on every line the file shipper and replay read: it looks at the first
 * {@value #HEAD} characters of the first line only (a JSON line's first {@value #JSON_HEAD}), and
 * compares a word with the level names only when it is as long as one.
 */
public final class LineLevel {
    /** How much of a line's start is its head. Long enough for BGL's level after six stamp and node fields. */
    static final int HEAD = 160;
    /** How much of a JSON line is searched for its level member (python-json-logger puts it after the message). */
    static final int JSON_HEAD = 2048;
    private static final String[] JSON_KEYS = {"\"level\"", "\"severity\"", "\"log.level\"", "\"levelname\"", "\"lvl\"", "\"loglevel\""};
    private static final String[] KEYS = {"level", "lvl", "severity", "loglevel", "log.level", "levelname"};
    private static final char ESC = 0x1b;
    private static final boolean[] WORD_CHARS = wordChars();
    /** The characters of a leading stamp, pid or number: digits and the separators between them. */
    private static final boolean[] STAMP_CHARS = stampChars();
    /** A word that is not a level: a key, some other key's value, a word without lower case. */
    private static final int NOT_LEVEL = -1;
    /** A word that is not a level and has lower case: the message's text has begun. */
    private static final int NOT_LEVEL_PROSE = -2;

    private LineLevel() {}

    /** The level of an app-log event's text (its first line; java.util.logging's second), or null when it names none. */
    public static Integer of(String text) {
        int level = level(text, false);
        if (level < 0) {
            level = ProgramLevels.julSecondLine(text);
        }
        return level < 0 ? null : level;
    }

    /**
     * The level a program put at the start of a syslog line's message ({@code ERROR …},
     * {@code level=error …}, {@code E1203 …}, after a stamp of its own), or null: a level word
     * after the first word that is not one is the message's text, not its level.
     */
    public static Integer atStart(String message) {
        int level = level(message, true);
        return level < 0 ? null : level;
    }

    private static int level(String text, boolean startOnly) {
        int start = 0;
        int end = Math.min(text.length(), HEAD);
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        if (start == end) {
            return -1;
        }
        char first = text.charAt(start);
        if (first == '{') {
            return json(text, start);
        }
        boolean digit = first >= '0' && first <= '9';
        int letter = digit ? logcat(text, start, end) : klog(text, start, end);
        letter = letter < 0 && digit ? ProgramLevels.mongoText(text, start, end) : letter;
        return letter >= 0 ? letter : words(text, start, end, startOnly);
    }

    /** The first level word of {@code text[start, end)}, up to its first line's end. */
    private static int words(String text, int start, int end, boolean startOnly) {
        int depth = 0;
        int i = start;
        // most lines start with a stamp: its digits and separators are passed over in one tight loop
        char c0;
        while (i < end && (c0 = text.charAt(i)) < STAMP_CHARS.length && STAMP_CHARS[c0]) {
            i++;
        }
        int quick = upperCaseLevelAt(text, i, end);
        if (quick >= 0) {
            return quick;
        }
        boolean afterColour = false;
        boolean prose = false;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == ESC) {
                i = afterEscape(text, i, end);
                afterColour = true;
                continue;
            }
            if (c == '"' && i > start && text.charAt(i - 1) == '=') {
                // a quoted logfmt value: the level when its key names the level, else passed over whole
                int close = closingQuote(text, i + 1, end);
                int level = isLevelKey(text, start, i - 1) ? Levels.ofName(text, i + 1, close) : -1;
                if (level >= 0) {
                    return level;
                }
                i = close + 1;
                afterColour = false;
                continue;
            }
            if (!isWordChar(c)) {
                depth += c == '[' ? 1 : c == ']' && depth > 0 ? -1 : 0;
                i++;
                continue;
            }
            int w = i;
            while (i < end && isWordChar(text.charAt(i))) {
                i++;
            }
            if (c <= '9' && c >= '0') {
                // a stamp, a pid, a number: no level name starts with a digit, and it is no prose
                afterColour = false;
                continue;
            }
            // Celery's [stamp: ERROR/MainProcess]: in a bracketed head the level is joined to the process by a slash
            int slash = depth > 0 ? text.indexOf('/', w) : -1;
            int e = slash > w && slash < i && isUpperCase(text, w, slash) ? slash : i;
            int level = word(text, start, w, e, afterColour || !prose);
            if (level >= 0) {
                return level;
            }
            if (level == NOT_LEVEL_PROSE && depth == 0) {
                if (startOnly) {
                    return -1;
                }
                prose = true;
            }
            afterColour = false;
        }
        return -1;
    }

    /**
     * The level of the upper-case level name starting at {@code i} and ending before a separator
     * ({@code 2026-12-03 10:00:00 ERROR …}, {@code [ERROR]}), the usual line, without the general
     * reading of words; -1 for anything else.
     */
    private static int upperCaseLevelAt(String text, int i, int end) {
        int e = i;
        char c;
        while (e < end && (c = text.charAt(e)) >= 'A' && c <= 'Z') {
            e++;
        }
        if (e - i < 3 || e == end) {
            return -1;
        }
        c = text.charAt(e);
        return c == ' ' || c == ':' || c == ']' || c == '|' || c == '\t' ? Levels.ofName(text, i, e) : -1;
    }

    /**
     * The level of the word {@code text[w, e)}, else {@link #NOT_LEVEL} or {@link #NOT_LEVEL_PROSE}.
     *
     * @param leading no word of text came before it (only stamps, numbers, ids) or a colour code did
     */
    private static int word(String text, int lineStart, int w, int e, boolean leading) {
        char before = w > lineStart ? text.charAt(w - 1) : ' ';
        char after = e < text.length() ? text.charAt(e) : ' ';
        if (after == '=') {
            return NOT_LEVEL;
        }
        if (before == '=') {
            // a value: the level only when its key names the level, in whatever case the logger wrote it
            return isLevelKey(text, lineStart, w - 1) ? Levels.ofName(text, w, e) : NOT_LEVEL;
        }
        // sshd's debug1 … debug3 are debug
        int nameEnd = e - w > 1 && text.charAt(e - 1) >= '1' && text.charAt(e - 1) <= '9' ? e - 1 : e;
        int level = Levels.ofName(text, w, nameEnd);
        if (level < 0) {
            return hasLowerCase(text, w, e) ? NOT_LEVEL_PROSE : NOT_LEVEL;
        }
        if (isUpperCase(text, w, nameEnd)) {
            return level;
        }
        // lower case or capitalised, a level word is the level only where a format sets it apart: else it is prose
        boolean setApart = leading
                || before == '[' || before == '<' || before == '|' || before == '\t'
                || after == ']' || after == '>' || after == '|' || after == '\t' || after == ESC
                || before == '"' && after == '"' && !isKey(text, e + 1);
        return setApart && isOneCase(text, w, nameEnd) ? level : NOT_LEVEL_PROSE;
    }

    /** Whether a JSON member's value follows at {@code i}: the quoted word before it was a key ({@code "error":…}), not a level. */
    private static boolean isKey(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':';
    }

    /** Whether the key ending before {@code keyEnd} is one that loggers write the level under. */
    private static boolean isLevelKey(String text, int lineStart, int keyEnd) {
        int k = keyEnd;
        while (k > lineStart && isWordChar(text.charAt(k - 1))) {
            k--;
        }
        for (String key : KEYS) {
            if (key.length() == keyEnd - k && text.regionMatches(true, k, key, 0, key.length())) {
                return true;
            }
        }
        return false;
    }

    /** The level member of a JSON line: a name, or a number (pino/bunyan 10-60, syslog 0-7). */
    private static int json(String text, int start) {
        int end = Math.min(text.length(), JSON_HEAD);
        if (text.startsWith(ProgramLevels.MONGO_JSON, start)) {
            return ProgramLevels.mongoJson(text, start, end);
        }
        for (String key : JSON_KEYS) {
            int k = text.indexOf(key, start);
            if (k < 0 || k >= end) {
                continue;
            }
            int v = k + key.length();
            while (v < end && text.charAt(v) == ' ') {
                v++;
            }
            if (v >= end || text.charAt(v) != ':') {
                // the name as a value, not a member
                continue;
            }
            v++;
            while (v < end && text.charAt(v) == ' ') {
                v++;
            }
            if (v < end && text.charAt(v) == '"') {
                int close = text.indexOf('"', v + 1);
                return close < 0 ? -1 : Levels.ofName(text, v + 1, close);
            }
            int n = 0;
            int d = v;
            while (d < end && d - v < 3 && text.charAt(d) >= '0' && text.charAt(d) <= '9') {
                n = n * 10 + text.charAt(d++) - '0';
            }
            return d == v ? -1 : text.startsWith(ProgramLevels.NEXTCLOUD_JSON, start) || ProgramLevels.isOwncloud7(text, start)
                    ? ProgramLevels.nextcloud(n) : numeric(n);
        }
        return -1;
    }

    /** pino and bunyan's numbers (10 trace … 60 fatal); 0-7 are syslog's, as GELF writes them. */
    private static int numeric(int n) {
        if (n <= 7) {
            return n;
        }
        return n >= 60 ? 2 : n >= 50 ? 3 : n >= 40 ? 4 : n >= 30 ? 6 : n >= 10 ? 7 : -1;
    }

    /**
     * klog/glog's header {@code Lmmdd hh:mm:ss.uuuuuu}, or CockroachDB's, whose date has the year too
     * ({@code Lyymmdd hh:mm:ss.uuuuuu}): its letter's level, or -1.
     */
    private static int klog(String text, int s, int end) {
        int date = end - s > 7 && text.charAt(s + 7) == ' ' ? 6 : 4;
        int time = s + date + 2;
        if (end - time < 4 || text.charAt(s + date + 1) != ' ' || text.charAt(time + 2) != ':'
                || !digits(text, s + 1, s + date + 1) || !digits(text, time, time + 2)) {
            return -1;
        }
        char letter = text.charAt(s);
        return letter == 'I' || letter == 'W' || letter == 'E' || letter == 'F' ? Levels.ofLetter(letter) : -1;
    }

    /** logcat threadtime's {@code MM-DD HH:MM:SS.mmm  PID  TID L Tag:}: the letter's level, or -1. */
    private static int logcat(String text, int s, int end) {
        if (end - s < 24 || text.charAt(s + 2) != '-' || text.charAt(s + 5) != ' ' || text.charAt(s + 8) != ':'
                || text.charAt(s + 14) != '.' || !digits(text, s, s + 2)) {
            return -1;
        }
        int i = s + 18;
        for (int field = 0; field < 2; field++) {
            int spaces = i;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            int number = i;
            while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == spaces || i == number) {
                return -1;
            }
        }
        boolean letter = i + 2 < end && text.charAt(i) == ' ' && text.charAt(i + 2) == ' ';
        return letter ? Levels.ofLetter(text.charAt(i + 1)) : -1;
    }

    /** The index of the quote closing a string whose text starts at {@code from}, or {@code end}. */
    private static int closingQuote(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return end;
    }

    /** The index after an ANSI escape sequence ({@code ESC [ params final}) starting at {@code i}. */
    private static int afterEscape(String text, int i, int end) {
        int j = i + 1;
        if (j < end && text.charAt(j) == '[') {
            j++;
            while (j < end && (text.charAt(j) < '@' || text.charAt(j) > '~')) {
                j++;
            }
        }
        return Math.min(j + 1, end);
    }

    /** Letters, digits and the characters of stamps, numbers and logger names join a word; the rest part words. */
    private static boolean isWordChar(char c) {
        return c >= WORD_CHARS.length || WORD_CHARS[c];
    }

    private static boolean[] stampChars() {
        boolean[] stamp = new boolean[128];
        for (char c = 0; c < stamp.length; c++) {
            stamp[c] = c >= '0' && c <= '9' || " \t-:.,/+".indexOf(c) >= 0;
        }
        return stamp;
    }

    private static boolean[] wordChars() {
        boolean[] word = new boolean[128];
        for (char c = 0; c < word.length; c++) {
            word[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_.-$/@#".indexOf(c) >= 0;
        }
        return word;
    }

    static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperCase(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < 'A' || text.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLowerCase(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 'a' && text.charAt(i) <= 'z') {
                return true;
            }
        }
        return false;
    }

    /** All lower case, or capitalised ({@code Error}); not {@code eRRor}. */
    private static boolean isOneCase(String text, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (text.charAt(i) < 'a' || text.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }
}
