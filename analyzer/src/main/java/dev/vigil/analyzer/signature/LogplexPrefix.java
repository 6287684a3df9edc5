package dev.vigil.analyzer.signature;

/**
 * The prefix {@code heroku logs} and Heroku's log drains put before each line an app writes:
 * Logplex's time stamp, then the source and the dyno ({@code 2021-06-17T22:55:15.481726+00:00
 * app[web.1]: F, [… #4] FATAL -- : …}; the router's own lines are {@code heroku[router]:}). What
 * follows is the app's line in its own format, whose header {@link HeaderStripper} then reads.
 *
 * @see <a href="https://devcenter.heroku.com/articles/logging#log-format">Heroku's log format</a>
 */
final class LogplexPrefix {
    private LogplexPrefix() {}

    /** Where the app's line starts after a Logplex prefix at {@code pos}; -1 when the line has none. */
    static int appLineStart(String line, int pos) {
        int stampEnd = line.indexOf(' ', pos);
        if (stampEnd < 0 || !isIsoStamp(line, pos, stampEnd)) {
            return -1;
        }
        int source = stampEnd + 1;
        int open = source;
        while (open < line.length() && (Character.isLetterOrDigit(line.charAt(open)) || line.charAt(open) == '-')) {
            open++;
        }
        if (open == source || open >= line.length() || line.charAt(open) != '[') {
            return -1;
        }
        int close = line.indexOf("]: ", open);
        if (close < 0 || close == open + 1 || line.substring(open + 1, close).chars().anyMatch(Character::isWhitespace)) {
            return -1;
        }
        return close + 3;
    }

    /** RFC 3339 with its date and time joined by {@code T}: {@code 2021-06-17T22:55:15.481726+00:00}. */
    private static boolean isIsoStamp(String line, int from, int to) {
        if (to - from < 19 || line.charAt(from + 4) != '-' || line.charAt(from + 10) != 'T' || line.charAt(from + 13) != ':') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if ((c < '0' || c > '9') && "-:.+TZ".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
