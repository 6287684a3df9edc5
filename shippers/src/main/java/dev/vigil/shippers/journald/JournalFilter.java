package dev.vigil.shippers.journald;

import dev.vigil.shippers.filter.NameGlob;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which journal entries are read. What journalctl can select itself is passed to it (nothing else
 * crosses the pipe): units ({@code --unit}, globs allowed), the least important priority kept
 * ({@code --priority}), field matches ({@code FIELD=value}: the same field ORed, different fields
 * ANDed, as journalctl does) and the current boot only ({@code --boot}). Excluded units, which
 * journalctl cannot express, are dropped after reading with their cursor still saved.
 *
 * @param units units to read (globs such as {@code nginx*.service}); empty for all
 * @param excludeUnits units not shipped (globs); their entries' unit is {@code UNIT} or {@code _SYSTEMD_UNIT}
 * @param maxPriority read entries of this priority (0 emerg .. 7 debug) or more important; null for all
 * @param matches {@code FIELD=value} matches
 * @param currentBoot read this boot only (for a folder or files: their latest boot)
 */
public record JournalFilter(List<String> units, List<NameGlob> excludeUnits, Integer maxPriority, List<String> matches,
        boolean currentBoot) {
    private static final Pattern MATCH = Pattern.compile("[A-Z0-9_]+=.*");

    public JournalFilter {
        units = List.copyOf(units);
        excludeUnits = List.copyOf(excludeUnits);
        matches = List.copyOf(matches);
        if (maxPriority != null && (maxPriority < 0 || maxPriority > 7)) {
            throw new IllegalArgumentException("journald max priority must be 0-7, got " + maxPriority);
        }
        matches.forEach(JournalFilter::match);
    }

    /** {@code m} when it is a journal match {@code FIELD=value}. */
    public static String match(String m) {
        if (!MATCH.matcher(m).matches()) {
            throw new IllegalArgumentException("journald match needs FIELD=value with FIELD in capitals, digits "
                    + "and _ (like _TRANSPORT=kernel), got '" + m + "'");
        }
        return m;
    }

    /** Every entry. */
    public static JournalFilter none() {
        return new JournalFilter(List.of(), List.of(), null, List.of(), false);
    }

    /** The journalctl arguments that select entries. */
    List<String> journalctlArgs() {
        List<String> args = new ArrayList<>();
        units.forEach(u -> args.add("--unit=" + u));
        if (maxPriority != null) {
            args.add("--priority=" + maxPriority);
        }
        if (currentBoot) {
            args.add("--boot");
        }
        args.addAll(matches);
        return args;
    }

    /** True when an entry of {@code unit} is read but not shipped. */
    boolean excludes(String unit) {
        for (NameGlob g : excludeUnits) {
            if (g.matches(unit)) {
                return true;
            }
        }
        return false;
    }

    /** The same filter with {@code other}'s settings where they are given. */
    public JournalFilter or(JournalFilter other) {
        Objects.requireNonNull(other, "other");
        return new JournalFilter(other.units.isEmpty() ? units : other.units,
                other.excludeUnits.isEmpty() ? excludeUnits : other.excludeUnits,
                other.maxPriority == null ? maxPriority : other.maxPriority,
                other.matches.isEmpty() ? matches : other.matches, currentBoot || other.currentBoot);
    }
}
