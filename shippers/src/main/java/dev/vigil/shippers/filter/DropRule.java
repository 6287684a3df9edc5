package dev.vigil.shippers.filter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Events to drop before they are sent: all the conditions given must hold. Written as
 * {@code source=file unit=nginx*.service level=info,debug regex=health ?check}; {@code regex=}
 * comes last and takes the rest of the line (RE2 syntax, found anywhere in the message).
 *
 * @param source the event's source, or null for any
 * @param unit glob over the event's unit (journald), or for events without one its identifier
 *     (syslog tag) or file path; null for any
 * @param levels priorities (0 emerg .. 7 debug) dropped; empty for any, events without a priority included
 * @param regex found in the message; null for any
 * @param text the rule as written, for logs
 */
public record DropRule(Source source, NameGlob unit, Set<Integer> levels, Pattern regex, String text) {
    public DropRule {
        levels = Set.copyOf(levels);
        if (source == null && unit == null && levels.isEmpty() && regex == null) {
            throw new IllegalArgumentException("drop rule '" + text + "' has no condition; give source=, unit=, "
                    + "level= or regex=");
        }
    }

    /** Parses a rule as written in the config file or after {@code --drop}. */
    public static DropRule parse(String text) {
        String rest = text.trim();
        Source source = null;
        NameGlob unit = null;
        Set<Integer> levels = new TreeSet<>();
        Pattern regex = null;
        while (!rest.isEmpty()) {
            if (rest.startsWith("regex=")) {
                String re = rest.substring("regex=".length());
                try {
                    regex = Pattern.compile(re);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("drop rule regex '" + re + "' is not valid RE2: " + e.getDescription());
                }
                break;
            }
            int space = rest.indexOf(' ');
            String part = space < 0 ? rest : rest.substring(0, space);
            rest = space < 0 ? "" : rest.substring(space + 1).trim();
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            switch (key) {
                case "source" -> source = Source.fromWireName(value);
                case "unit" -> unit = new NameGlob(value);
                case "level" -> {
                    for (String l : value.split(",")) {
                        levels.add(Levels.parse(l));
                    }
                }
                default -> throw new IllegalArgumentException("unknown drop condition '" + part
                        + "', expected source=, unit=, level= or regex= (last)");
            }
        }
        return new DropRule(source, unit, levels, regex, text.trim());
    }

    /** True when every condition holds for {@code e}. */
    public boolean matches(Event e) {
        return (source == null || source == e.source())
                && (unit == null || unit.matches(unitOf(e)))
                && (levels.isEmpty() || e.priority() != null && levels.contains(e.priority()))
                && (regex == null || regex.matcher(e.message()).find());
    }

    /** What a rule's {@code unit=} and a rate limit's key name: the unit, else the identifier, else the file. */
    static String unitOf(Event e) {
        return e.unit() != null ? e.unit() : e.identifier() != null ? e.identifier() : e.file();
    }

    /** Rules from the texts, every invalid one reported. */
    public static List<DropRule> parseAll(List<String> texts) {
        List<DropRule> out = new ArrayList<>();
        for (String t : texts) {
            out.add(parse(t));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
