package dev.vigil.analyzer.signature;

/**
 * The fields zap's console encoder writes between the level and the message, tab-separated: the
 * logger's name when it has one, then the caller ({@code 2021-11-12T00:22:38.087Z\terror\t
 * exporterhelper/queued_retry.go:190\tDropping data …}, {@code …\tdpanic\tproject\texample/main.go:36\t…}).
 * The caller is what tells them from the message: without one, a name and a one-word message look
 * alike, and the field is left to the message.
 *
 * @see <a href="https://github.com/uber-go/zap/blob/master/zapcore/console_encoder.go">zapcore/console_encoder.go</a>
 */
final class ZapConsoleFields {
    private ZapConsoleFields() {}

    /**
     * Where the message starts when the fields from {@code pos}, right after the level's tab, are
     * {@code [name<TAB>]caller<TAB>}; else {@code pos}.
     */
    static int afterCaller(String line, int pos) {
        if (pos == 0 || line.charAt(pos - 1) != '\t') {
            return pos;
        }
        int first = line.indexOf('\t', pos);
        if (first < 0) {
            return pos;
        }
        if (isGoCaller(line, pos, first)) {
            return first + 1;
        }
        int second = line.indexOf('\t', first + 1);
        return second > 0 && isName(line, pos, first) && isGoCaller(line, first + 1, second) ? second + 1 : pos;
    }

    /** {@code path/file.go:123}, zap's short caller (a module's version may stand in it: {@code zap@v1.15.0/sugar.go:179}). */
    private static boolean isGoCaller(String line, int from, int to) {
        int colon = line.lastIndexOf(':', to - 1);
        return colon >= from + 4 && line.startsWith(".go", colon - 3) && HeaderStripper.allDigits(line, colon + 1, to)
                && isName(line, from, colon);
    }

    /** A logger name or a path: letters, digits and {@code . _ - / @}, no space. */
    private static boolean isName(String line, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (!Character.isLetterOrDigit(c) && "._-/@".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
