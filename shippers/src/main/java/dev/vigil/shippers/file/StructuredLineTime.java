package dev.vigil.shippers.file;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads the time a structured application log line gives in its own time field: a JSON object
 * line (zap, zerolog, logrus's JSONFormatter, slog's JSONHandler, pino, bunyan, winston,
 * python-json-logger, structlog, logstash-logback-encoder, ECS loggers, Serilog's compact
 * {@code @t}) or a logfmt line (logrus's text, slog's TextHandler, go-kit, log15). The field may
 * be anywhere in the line, past the start {@link LineTimestampParser} searches, and its value is
 * ISO-8601/RFC 3339 text (Go's {@code time.String()} form too) or an epoch number: seconds with a
 * fraction, milliseconds, microseconds or nanoseconds, told by the number of digits, and only
 * between 2000 and 2100, so a count or a duration in a field named {@code t} is not taken for a time.
 */
public final class StructuredLineTime {
    /**
     * Top-level JSON keys that hold the line's time, as the loggers write them: {@code ts} (zap,
     * go-kit), {@code time} (zerolog, logrus, slog, pino, bunyan), {@code timestamp} (winston,
     * structlog), {@code @timestamp} (logstash-logback-encoder, ECS), {@code t} (log15),
     * {@code @t} (Serilog compact), {@code Timestamp} (Serilog's JsonFormatter), {@code asctime}
     * (python-json-logger), {@code timeMillis} (log4j2's JsonLayout) and a few common others.
     */
    private static final String[] JSON_KEYS = {"time", "ts", "timestamp", "@timestamp", "t", "@t", "Timestamp",
        "asctime", "date", "datetime", "eventTime", "timeMillis", "time_iso8601"};
    /** logfmt keys: logrus and slog write {@code time=}, go-kit {@code ts=}, log15 {@code t=}. */
    private static final String[] LOGFMT_KEYS = {"time", "ts", "t"};
    /** The longest first key of a logfmt line looked for. */
    private static final int MAX_KEY_LENGTH = 32;

    /** 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z: an epoch number outside is not a time. */
    private static final long MIN_EPOCH_SECOND = 946_684_800L;
    private static final long MAX_EPOCH_SECOND = 4_102_444_800L;

    private final LeadingIsoStamp iso;

    StructuredLineTime(LeadingIsoStamp iso) {
        this.iso = Objects.requireNonNull(iso, "iso");
    }

    /**
     * True for a line that is one whole JSON object: {@code {"} (or {@code {}}) at its very
     * start and {@code }} at its end, trailing blanks aside. Such a line is an event of its own,
     * never the continuation of the one before, whether or not it names a time.
     */
    public static boolean isJsonObject(String line) {
        int n = line.length();
        if (n < 2 || line.charAt(0) != '{') {
            return false;
        }
        int end = n - 1;
        while (end > 0 && isBlank(line.charAt(end))) {
            end--;
        }
        if (line.charAt(end) != '}') {
            return false;
        }
        int i = 1;
        while (i < end && isBlank(line.charAt(i))) {
            i++;
        }
        return line.charAt(i) == '"' || i == end;
    }

    /** The time the line's time field gives; null when it has none this class reads. */
    Instant parse(String line) {
        // a line cut at the length limit is still read up to the cut: the time comes first in most loggers
        if (!line.isEmpty() && line.charAt(0) == '{') {
            return fromJson(line);
        }
        return startsWithPair(line) ? fromLogfmt(line) : null;
    }

    /**
     * True for a line whose first word is a {@code key=} pair, as every logfmt logger writes its
     * lines ({@code time=}, {@code ts=}, {@code level=}, {@code lvl=}, {@code at=} first): a text
     * line with a {@code ts=} among its words keeps the stamp at its start.
     */
    private static boolean startsWithPair(String s) {
        int n = Math.min(s.length(), MAX_KEY_LENGTH + 1);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '=') {
                return i > 0;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.' || c == '-' || c == '@'
                    || i > 0 && isDigit(c))) {
                return false;
            }
        }
        return false;
    }

    // ---- JSON ---------------------------------------------------------------------------------

    /** Walks the top-level members of the object, skipping nested values, until a time key's value reads as a time. */
    private Instant fromJson(String s) {
        int n = s.length();
        int i = skipBlanks(s, 1, n);
        while (i < n && s.charAt(i) == '"') {
            int keyEnd = stringEnd(s, i, n);
            if (keyEnd < 0) {
                return null;
            }
            int colon = skipBlanks(s, keyEnd + 1, n);
            if (colon >= n || s.charAt(colon) != ':') {
                return null;
            }
            int value = skipBlanks(s, colon + 1, n);
            int valueEnd = valueEnd(s, value, n);
            if (valueEnd < 0) {
                return null;
            }
            if (isKey(s, i + 1, keyEnd, JSON_KEYS)) {
                boolean quoted = s.charAt(value) == '"';
                Instant at = quoted ? time(s, value + 1, valueEnd - 1) : time(s, value, valueEnd);
                if (at != null) {
                    return at;
                }
            }
            i = skipBlanks(s, valueEnd, n);
            if (i >= n || s.charAt(i) != ',') {
                return null;
            }
            i = skipBlanks(s, i + 1, n);
        }
        return null;
    }

    /** The index of the closing quote of the string opening at {@code open}; -1 when it does not close. */
    private static int stringEnd(String s, int open, int n) {
        for (int i = open + 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Where the JSON value starting at {@code from} ends (exclusive); -1 when it is cut short. */
    private static int valueEnd(String s, int from, int n) {
        if (from >= n) {
            return -1;
        }
        char c = s.charAt(from);
        if (c == '"') {
            int close = stringEnd(s, from, n);
            return close < 0 ? -1 : close + 1;
        }
        if (c == '{' || c == '[') {
            return nestedEnd(s, from, n);
        }
        int i = from;
        while (i < n && (c = s.charAt(i)) != ',' && c != '}' && !isBlank(c)) {
            i++;
        }
        return i;
    }

    private static int nestedEnd(String s, int from, int n) {
        int depth = 0;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = stringEnd(s, i, n);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    // ---- logfmt -------------------------------------------------------------------------------

    /** The first {@code time=}, {@code ts=} or {@code t=} pair, at the line's start or after a blank, whose value reads as a time. */
    private Instant fromLogfmt(String s) {
        int n = s.length();
        for (int eq = s.indexOf('='); eq > 0; eq = s.indexOf('=', eq + 1)) {
            int keyStart = eq;
            while (keyStart > 0 && !isBlank(s.charAt(keyStart - 1))) {
                keyStart--;
            }
            if (!isKey(s, keyStart, eq, LOGFMT_KEYS)) {
                continue;
            }
            int from = eq + 1;
            int to;
            if (from < n && s.charAt(from) == '"') {
                from++;
                to = s.indexOf('"', from);
                if (to < 0) {
                    continue;
                }
            } else {
                to = from;
                while (to < n && !isBlank(s.charAt(to))) {
                    to++;
                }
            }
            Instant at = time(s, from, to);
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    // ---- values -------------------------------------------------------------------------------

    /** The time the text {@code s[from, to)} gives: an ISO stamp at its start, or an epoch number; null otherwise. */
    private Instant time(String s, int from, int to) {
        if (to - from < 10) {
            return null;
        }
        char first = s.charAt(from);
        if (first < '0' || first > '9') {
            return null;
        }
        Instant stamp = isoAt(s, from, to);
        return stamp != null ? stamp : epoch(s, from, to);
    }

    private Instant isoAt(String s, int from, int to) {
        if (to - from < 19 || s.charAt(from + 4) != '-') {
            return null;
        }
        try {
            return iso.parse(s.substring(from, to));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * An epoch number: 10 integer digits are seconds (a fraction allowed, as zap writes them), 13
     * milliseconds (pino, zerolog's TimeFormatUnixMs), 16 microseconds, 19 nanoseconds; any other
     * length, an exponent or a time outside 2000–2100 is not read as a time.
     */
    private static Instant epoch(String s, int from, int to) {
        int i = from;
        long whole = 0;
        while (i < to && isDigit(s.charAt(i))) {
            whole = whole * 10 + (s.charAt(i) - '0');
            i++;
        }
        int digits = i - from;
        long fractionNanos = 0;
        if (i < to && s.charAt(i) == '.') {
            int scale = 100_000_000;
            i++;
            int fractionFrom = i;
            while (i < to && isDigit(s.charAt(i))) {
                fractionNanos += (s.charAt(i) - '0') * (long) scale;
                scale /= 10;
                i++;
            }
            if (i == fractionFrom) {
                return null;
            }
        }
        if (i != to) {
            return null;
        }
        Instant at = switch (digits) {
            case 10 -> Instant.ofEpochSecond(whole, fractionNanos);
            case 13 -> Instant.ofEpochMilli(whole).plusNanos(fractionNanos / 1000);
            case 16 -> Instant.ofEpochSecond(whole / 1_000_000, (whole % 1_000_000) * 1000);
            case 19 -> Instant.ofEpochSecond(whole / 1_000_000_000, whole % 1_000_000_000);
            default -> null;
        };
        return at != null && at.getEpochSecond() >= MIN_EPOCH_SECOND && at.getEpochSecond() < MAX_EPOCH_SECOND ? at : null;
    }

    // ---- characters ---------------------------------------------------------------------------

    private static boolean isKey(String s, int from, int to, String[] keys) {
        int length = to - from;
        for (String key : keys) {
            if (key.length() == length && s.regionMatches(from, key, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static int skipBlanks(String s, int from, int n) {
        int i = from;
        while (i < n && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
