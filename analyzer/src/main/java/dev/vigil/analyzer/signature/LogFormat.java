package dev.vigil.analyzer.signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A log line layout in the log-parser benchmark's notation, such as
 * {@code <Date> <Time> <Pid> <Level> <Component>: <Content>}, compiled into a parser that
 * splits a line into its fields and, above all, extracts {@code <Content>}: the message the
 * miner should see without its header.
 *
 * <p>Notation: {@code <Name>} is a field, any other text is literal, a backslash escapes the
 * next character ({@code \[}), and a run of spaces matches one or more whitespace characters.
 * Each field ends at the first place where the literal text after it matches (the last field
 * takes the rest of the line), so a line is parsed in one left-to-right pass with no
 * backtracking and no regular expression. The line is trimmed first.
 */
public final class LogFormat {

    /** The field that holds the message. */
    public static final String CONTENT = "Content";

    private final String text;
    private final List<String> fields;
    private final List<Separator> separators;

    private LogFormat(String text, List<String> fields, List<Separator> separators) {
        this.text = text;
        this.fields = List.copyOf(fields);
        this.separators = List.copyOf(separators);
    }

    /**
     * Compiles a format.
     *
     * @throws IllegalArgumentException naming the offending text and position when a field is
     *     not closed, empty, repeated, or two fields touch with no literal text between them
     */
    public static LogFormat parse(String format) {
        Objects.requireNonNull(format, "format");
        List<String> fields = new ArrayList<>();
        List<Separator> separators = new ArrayList<>();
        Separator.Builder literal = new Separator.Builder();
        int i = 0;
        String trimmed = format.strip();
        while (i < trimmed.length()) {
            char c = trimmed.charAt(i);
            if (c == '<') {
                int close = trimmed.indexOf('>', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed field at column " + (i + 1)
                            + " of log format '" + format + "'");
                }
                String name = trimmed.substring(i + 1, close);
                checkField(format, fields, literal, name, i);
                separators.add(literal.build());
                literal = new Separator.Builder();
                fields.add(name);
                i = close + 1;
            } else if (c == '\\' && i + 1 < trimmed.length()) {
                literal.exact(trimmed.charAt(i + 1));
                i += 2;
            } else if (c == ' ') {
                literal.whitespace();
                i++;
            } else {
                literal.exact(c);
                i++;
            }
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("log format '" + format + "' has no <Field>");
        }
        separators.add(literal.build());
        return new LogFormat(format, fields, separators);
    }

    private static void checkField(String format, List<String> fields, Separator.Builder before,
            String name, int at) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty field name at column " + (at + 1)
                    + " of log format '" + format + "'");
        }
        if (fields.contains(name)) {
            throw new IllegalArgumentException("field <" + name + "> appears twice in log format '"
                    + format + "'");
        }
        if (!fields.isEmpty() && before.isEmpty()) {
            throw new IllegalArgumentException("fields <" + fields.get(fields.size() - 1) + "> and <"
                    + name + "> touch at column " + (at + 1) + " of log format '" + format
                    + "': put literal text between them");
        }
    }

    /** The format text as given. */
    public String text() {
        return text;
    }

    /** The message part of a line, or null when the line does not have this layout. */
    public String content(CharSequence line) {
        Map<String, String> parsed = fields(line);
        return parsed == null ? null : parsed.get(CONTENT);
    }

    /** Every field of a line by name, in format order, or null when the line does not match. */
    public Map<String, String> fields(CharSequence line) {
        String s = line.toString().strip();
        int pos = separators.get(0).matchAt(s, 0);
        if (pos < 0) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int f = 0; f < fields.size(); f++) {
            Separator after = separators.get(f + 1);
            boolean last = f == fields.size() - 1;
            int[] found = last ? after.matchAtEnd(s, pos) : after.findFrom(s, pos);
            if (found == null) {
                return null;
            }
            out.put(fields.get(f), s.substring(pos, found[0]));
            pos = found[1];
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Literal text between two fields: exact characters and whitespace runs. */
    private record Separator(String atoms) {

        /** A whitespace run is written as the NUL character in {@code atoms}. */
        private static final char WHITESPACE = '\0';

        /** End of this separator when it matches at {@code at}, else -1. */
        int matchAt(String s, int at) {
            int p = at;
            for (int a = 0; a < atoms.length(); a++) {
                char want = atoms.charAt(a);
                if (want == WHITESPACE) {
                    if (p >= s.length() || !Character.isWhitespace(s.charAt(p))) {
                        return -1;
                    }
                    while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                        p++;
                    }
                } else {
                    if (p >= s.length() || s.charAt(p) != want) {
                        return -1;
                    }
                    p++;
                }
            }
            return p;
        }

        /** First {start, end} at or after {@code from} where this separator matches. */
        int[] findFrom(String s, int from) {
            for (int at = from; at < s.length(); at++) {
                int end = matchAt(s, at);
                if (end >= 0) {
                    return new int[] {at, end};
                }
            }
            return null;
        }

        /** {start, end} when the line ends with this separator at or after {@code from}. */
        int[] matchAtEnd(String s, int from) {
            if (atoms.isEmpty()) {
                return new int[] {s.length(), s.length()};
            }
            int[] found = findFrom(s, from);
            while (found != null && found[1] != s.length()) {
                found = findFrom(s, found[0] + 1);
            }
            return found;
        }

        static final class Builder {
            private final StringBuilder atoms = new StringBuilder();

            void exact(char c) {
                atoms.append(c);
            }

            void whitespace() {
                if (atoms.length() == 0 || atoms.charAt(atoms.length() - 1) != WHITESPACE) {
                    atoms.append(WHITESPACE);
                }
            }

            boolean isEmpty() {
                return atoms.length() == 0;
            }

            Separator build() {
                return new Separator(atoms.toString());
            }
        }
    }
}
