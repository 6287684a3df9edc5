package dev.vigil.shippers.filter;

/**
 * Level forms that one program writes and no other: MongoDB's severity letters (text and JSON logs)
 * and Nextcloud's and ownCloud's own 0-4 scale. {@link LineLevel} asks here when a line starts the
 * way that program's lines start.
 */
final class ProgramLevels {
    /** How MongoDB 4.4+'s structured log lines start: the stamp, then the severity in {@code "s"}. */
    static final String MONGO_JSON = "{\"t\":{\"$date\"";
    /** How Nextcloud's and ownCloud's (8+) JSON lines start: their numeric level is on a scale of their own. */
    static final String NEXTCLOUD_JSON = "{\"reqId\":";
    /** How ownCloud 6 and 7's JSON lines start; {@code {"app":} alone is too common, see {@link #isOwncloud7}. */
    private static final String OWNCLOUD7_JSON = "{\"app\":\"";

    /**
     * Nextcloud's and ownCloud's levels, 0 debug, 1 info, 2 warn, 3 error, 4 fatal: read as syslog's
     * numbers, their warnings would be critical and their debug lines emergencies.
     */
    static int nextcloud(int n) {
        return switch (n) {
            case 0 -> 7;
            case 1 -> 6;
            case 2 -> 4;
            case 3 -> 3;
            case 4 -> 2;
            default -> -1;
        };
    }

    /**
     * Whether a JSON line is ownCloud 6 or 7's, {@code {"app":"PHP","message":"…","level":2,"time":"…"}}:
     * these four members in this order and no other, the level one digit on {@link #nextcloud}'s scale.
     */
    static boolean isOwncloud7(String text, int start) {
        String line = text.stripTrailing();
        int appEnd = line.indexOf('"', start + OWNCLOUD7_JSON.length());
        int level = line.lastIndexOf(",\"level\":");
        return line.startsWith(OWNCLOUD7_JSON, start) && appEnd > 0 && line.startsWith("\",\"message\":\"", appEnd)
                && level > appEnd && line.startsWith(",\"time\":\"", level + 10) && LineLevel.digits(line, level + 9, level + 10)
                && line.endsWith("\"}") && line.indexOf('"', level + 19) == line.length() - 2;
    }

    /**
     * MongoDB 4.4+'s structured log, {@code {"t":{"$date":…},"s":"E",  "c":"STORAGE", …}}: its
     * severity is the letter in {@code "s"} (F E W I, D1-D5), which no other logger's key is.
     */
    static int mongoJson(String text, int start, int end) {
        int k = text.indexOf("\"s\":", start);
        if (k < 0 || k + 6 >= end || text.charAt(k + 4) != '"') {
            return -1;
        }
        char letter = text.charAt(k + 5);
        char after = text.charAt(k + 6);
        boolean single = after == '"' || letter == 'D' && after >= '1' && after <= '5' && text.charAt(k + 7) == '"';
        return single && "FEWID".indexOf(letter) >= 0 ? Levels.ofLetter(letter) : -1;
    }

    /**
     * MongoDB 3.0-4.2's text log, {@code 2016-02-01T15:31:30.246+0000 E STORAGE  [thread1] …}: the
     * severity letter (F E W I, D or D1-D5) between the ISO stamp and the upper-case component
     * ({@code -} when it has none) before the {@code [context]}; its letter's level, or -1.
     */
    static int mongoText(String text, int s, int end) {
        if (end - s < 30 || text.charAt(s + 4) != '-' || text.charAt(s + 10) != 'T' || !LineLevel.digits(text, s, s + 4)) {
            return -1;
        }
        int sp = text.indexOf(' ', s + 10);
        if (sp < 0 || sp + 4 >= end) {
            return -1;
        }
        char letter = text.charAt(sp + 1);
        int i = sp + 2;
        if (letter == 'D' && text.charAt(i) >= '1' && text.charAt(i) <= '5') {
            i++;
        }
        if ("FEWID".indexOf(letter) < 0 || text.charAt(i) != ' ') {
            return -1;
        }
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        int component = i;
        char c;
        while (i < end && ((c = text.charAt(i)) >= 'A' && c <= 'Z' || c == '_' || c == '-')) {
            i++;
        }
        if (i == component || i >= end || text.charAt(i) != ' ') {
            return -1;
        }
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i < end && text.charAt(i) == '[' ? Levels.ofLetter(letter) : -1;
    }

    private ProgramLevels() {}

    /** java.util.logging's SimpleFormatter puts the level first on the record's second line: {@code SEVERE: msg}. */
    static int julSecondLine(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0 || nl + 1 >= text.length() || text.charAt(nl + 1) < 'A' || text.charAt(nl + 1) > 'Z') {
            return -1;
        }
        int e = nl + 1;
        while (e < text.length() && text.charAt(e) >= 'A' && text.charAt(e) <= 'Z') {
            e++;
        }
        return e < text.length() && text.charAt(e) == ':' ? Levels.ofName(text, nl + 1, e) : -1;
    }
}
