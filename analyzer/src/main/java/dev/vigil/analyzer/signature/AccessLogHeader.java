package dev.vigil.analyzer.signature;

/** The header of the common log format, Apache's and nginx's access log: {@code host ident user [date] }. */
final class AccessLogHeader {
    private AccessLogHeader() {}

    /**
     * End of a common-log-format header ({@code host ident user [10/Oct/2000:13:55:36 -0700] }),
     * where the request starts; -1 when the line does not start so.
     */
    static int end(String line, int pos) {
        int identStart = HeaderStripper.skipSpaces(line, HeaderStripper.tokenEnd(line, pos));
        int identEnd = HeaderStripper.tokenEnd(line, identStart);
        if (!line.substring(identStart, identEnd).equals("-")) {
            return -1;
        }
        int dateStart = HeaderStripper.skipSpaces(line, HeaderStripper.tokenEnd(line, HeaderStripper.skipSpaces(line, identEnd)));
        if (dateStart >= line.length() || line.charAt(dateStart) != '[') {
            return -1;
        }
        int close = line.indexOf(']', dateStart);
        if (close < 0) {
            return -1;
        }
        String date = line.substring(dateStart + 1, close);
        return date.indexOf('/') > 0 && date.indexOf(':') > 0 && HeaderStripper.isTimeLike(date.substring(0, date.indexOf('/')))
                ? HeaderStripper.skipSpaces(line, close + 1) : -1;
    }
}
