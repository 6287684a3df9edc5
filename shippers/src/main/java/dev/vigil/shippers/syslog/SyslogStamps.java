package dev.vigil.shippers.syslog;

import static dev.vigil.shippers.file.LocalStamps.nanos;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/** The fields of a syslog or journalctl stamp as numbers: month names of several locales, dates, fractions. */
final class SyslogStamps {
    /**
     * The months' abbreviations, lower case and without their dot, as glibc's {@code %b} gives them in the
     * locales journalctl and syslog daemons most often run under: English, German ("mär", "okt",
     * "dez"), French ("janv.", "févr.", "déc."), Spanish, Portuguese, Italian, Dutch, Polish and Russian.
     * None names two months.
     */
    private static final Map<String, Integer> MONTH_NAMES = monthNames(
            "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
            "jan|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez",
            "janv|févr|mars|avril|mai|juin|juil|août|sept|oct|nov|déc",
            "ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic",
            "jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez",
            "gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic",
            "jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec",
            "sty|lut|mar|kwi|maj|cze|lip|sie|wrz|paź|lis|gru",
            "янв|фев|мар|апр|мая|июн|июл|авг|сен|окт|ноя|дек");

    private SyslogStamps() {}

    /** An ISO stamp whose year is group {@code at}; the offset follows the fraction. */
    static Instant iso(Matcher m, int at) {
        LocalDateTime local = local(m, at);
        String offset = m.group(at + 7);
        if (offset.equals("Z")) {
            return local.toInstant(ZoneOffset.UTC);
        }
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        String hhmm = offset.substring(1).replace(":", "");
        return local.toInstant(ZoneOffset.ofHoursMinutes(sign * number(hhmm, 0, 2), sign * number(hhmm, 2, 4)));
    }

    /** Year, month, day, hour, minute, second and fraction from groups {@code at} on. */
    static LocalDateTime local(Matcher m, int at) {
        return LocalDateTime.of(number(m.group(at)), number(m.group(at + 1)), number(m.group(at + 2)),
                number(m.group(at + 3)), number(m.group(at + 4)), number(m.group(at + 5)), nanos(m.group(at + 6)));
    }

    /** The month a stamp names, 1 to 12; 0 for a word that names none. */
    static int month(String name) {
        // journalctl writes the month in lower case under some locales ("nov 20 12:15:50"), with a dot in French ("déc.")
        String key = name.toLowerCase(Locale.ROOT);
        return MONTH_NAMES.getOrDefault(key.endsWith(".") ? key.substring(0, key.length() - 1) : key, 0);
    }

    private static Map<String, Integer> monthNames(String... locales) {
        Map<String, Integer> names = new HashMap<>();
        for (String locale : locales) {
            String[] months = locale.split("\\|");
            for (int i = 0; i < months.length; i++) {
                Integer before = names.putIfAbsent(months[i], i + 1);
                if (before != null && before != i + 1) {
                    throw new IllegalStateException(months[i] + " names two months");
                }
            }
        }
        return Map.copyOf(names);
    }

    static int number(String digits) {
        return Integer.parseInt(digits);
    }

    static int number(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
