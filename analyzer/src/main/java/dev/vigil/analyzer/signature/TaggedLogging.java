package dev.vigil.analyzer.signature;

/**
 * The tags Rails' ActiveSupport::TaggedLogging writes at the start of a Ruby Logger message
 * ({@code config.log_tags}: the request id, {@code [ActiveJob] [JobClass] [job id]}), each in
 * brackets and followed by a space: {@code F, [… #4] FATAL -- : [3d1855e6-…] NoMethodError (…):}.
 * They say which request a line belongs to, not what happened, so they are header. A message of many
 * lines (Rails 6's DebugExceptions logs an error's lines as one record) has the same tags before each
 * of its lines, and they go there too.
 *
 * @see <a href="https://github.com/rails/rails/blob/v6.0.0/activesupport/lib/active_support/tagged_logging.rb">tagged_logging.rb</a>
 */
final class TaggedLogging {
    private TaggedLogging() {}

    /** The message starting at {@code from} without its tags: empty when it holds nothing else (the blank line before an exception). */
    static String untagged(String line, int from) {
        int end = tagsEnd(line, from);
        if (end == from) {
            return line.substring(from);
        }
        String tags = line.substring(from, end).stripTrailing();
        int first = end;
        while (first < line.length() && line.charAt(first) == ' ') {
            first++;
        }
        int lineEnd = line.indexOf('\n', first);
        if (lineEnd < 0) {
            return line.substring(first);
        }
        StringBuilder out = new StringBuilder(line.length() - first).append(line, first, lineEnd);
        while (lineEnd >= 0) {
            int start = lineEnd + 1;
            if (line.startsWith(tags, start)) {
                start += tags.length();
                start += start < line.length() && line.charAt(start) == ' ' ? 1 : 0;
            }
            lineEnd = line.indexOf('\n', start);
            out.append('\n').append(line, start, lineEnd < 0 ? line.length() : lineEnd);
        }
        return out.toString();
    }

    /** The end of the {@code [tag] [tag] } run at {@code from}, on its line; {@code from} when there is none. */
    private static int tagsEnd(String line, int from) {
        int end = from;
        while (end < line.length() && line.charAt(end) == '[') {
            int close = line.indexOf(']', end);
            int lineEnd = line.indexOf('\n', end);
            if (close < 0 || lineEnd >= 0 && lineEnd < close) {
                break;
            }
            end = close + 1;
            if (end >= line.length() || line.charAt(end) != ' ') {
                break;
            }
            end++;
        }
        return end;
    }
}
