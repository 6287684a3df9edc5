package dev.vigil.shippers.file;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of the fields of a file's numeric dates written with slashes: {@code 21/02/03} is
 * log4j's {@code yy/MM/dd} (Spark, Hadoop) in one log and a US {@code MM/dd/yy} or a European
 * {@code dd/MM/yy} in another, and {@code 03/04/2024} is April in Europe and March in the US. One
 * line seldom tells, the head of its file mostly does: a first field over 12 is no month, a last
 * one over 31 no day, and the year is the field that changes least over a few hours of lines.
 * {@link #of} takes, of the orders the dates of a file's head leave possible, the one whose year
 * takes the fewest values there, log4j's on a tie, then the US order; a line whose own numbers fit
 * only another order is read in that one. A date with a four-digit first field is always
 * {@code yyyy/MM/dd}.
 */
public enum DateOrder {
    YEAR_MONTH_DAY, MONTH_DAY_YEAR, DAY_MONTH_YEAR;

    /** {@code nn/nn/nn}, {@code nn/nn/nnnn} or {@code nnnn/nn/nn}, then the time: the groups are the three fields, h, m, s, fraction. */
    static final Pattern SLASHED = Pattern.compile(
            "(?<!\\d)(\\d{4}|\\d{2})/(\\d{2})/(\\d{4}|\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?");
    /** The characters of a line a date is looked for in, as {@link LineTimestampParser} looks for stamps. */
    private static final int WINDOW = 64;

    /** The order the slashed dates of {@code head} (the first lines of a file) show; log4j's when they show none. */
    public static DateOrder of(List<String> head) {
        boolean[] possible = {true, true, true};
        List<Set<Integer>> years = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (String line : head) {
            Matcher m = SLASHED.matcher(line.length() > WINDOW ? line.substring(0, WINDOW) : line);
            if (m.find() && m.group(1).length() == 2) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                int c = Integer.parseInt(m.group(3));
                for (DateOrder order : values()) {
                    possible[order.ordinal()] &= order.fits(a, b, c, m.group(3).length() == 4);
                    years.get(order.ordinal()).add(order == YEAR_MONTH_DAY ? a : c);
                }
            }
        }
        DateOrder best = null;
        for (DateOrder order : values()) {
            if (possible[order.ordinal()]
                    && (best == null || years.get(order.ordinal()).size() < years.get(best.ordinal()).size())) {
                best = order;
            }
        }
        return best == null ? YEAR_MONTH_DAY : best;
    }

    /**
     * Year, month and day of the slashed date {@link #SLASHED} matched: in this order when its
     * numbers fit it, else in the first that they fit; null when they fit none.
     */
    int[] yearMonthDay(Matcher m) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int c = Integer.parseInt(m.group(3));
        if (m.group(1).length() == 4) {
            return m.group(3).length() == 2 ? new int[] {a, b, c} : null;
        }
        boolean yearLast = m.group(3).length() == 4;
        DateOrder order = fits(a, b, c, yearLast) ? this : firstFitting(a, b, c, yearLast);
        if (order == null) {
            return null;
        }
        return switch (order) {
            case YEAR_MONTH_DAY -> new int[] {2000 + a, b, c};
            case MONTH_DAY_YEAR -> new int[] {year(c), a, b};
            case DAY_MONTH_YEAR -> new int[] {year(c), b, a};
        };
    }

    private static DateOrder firstFitting(int a, int b, int c, boolean yearLast) {
        for (DateOrder order : values()) {
            if (order.fits(a, b, c, yearLast)) {
                return order;
            }
        }
        return null;
    }

    /** Whether fields {@code a/b/c} can be a date in this order ({@code yearLast}: {@code c} has four digits). */
    private boolean fits(int a, int b, int c, boolean yearLast) {
        return switch (this) {
            case YEAR_MONTH_DAY -> !yearLast && isMonth(b) && isDay(c);
            case MONTH_DAY_YEAR -> isMonth(a) && isDay(b);
            case DAY_MONTH_YEAR -> isDay(a) && isMonth(b);
        };
    }

    private static int year(int digits) {
        return digits < 100 ? 2000 + digits : digits;
    }

    private static boolean isMonth(int n) {
        return n >= 1 && n <= 12;
    }

    private static boolean isDay(int n) {
        return n >= 1 && n <= 31;
    }
}
