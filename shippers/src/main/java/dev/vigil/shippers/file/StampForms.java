package dev.vigil.shippers.file;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stamp forms of common servers and libraries beside ISO-8601 and syslog, each written by
 * default somewhere: {@code 2024/08/15 14:30:50} (nginx's error log, Go's {@code log} package),
 * {@code 21/02/03 08:18:39} (log4j's {@code yy/MM/dd}, Spark and Hadoop; a US {@code MM/dd/yy} or
 * a {@code dd/MM/yyyy} as the file's {@link DateOrder} says), {@code 12-Jan-2017 12:27:03.111}
 * (Tomcat), {@code 23 May 2019 17:40:38.542} (Redis; before 5.0 without the year:
 * {@code 18565:M 17 Aug 14:28:47.860}), {@code [Fri Aug 04 18:02:07 2017]} (Apache's error log, C's
 * {@code asctime}), {@code I1013 21:03:35.436652} (glog and klog: Kubernetes, etcd; CockroachDB's with the year,
 * {@code E200307 22:50:49.448979}), {@code Aug
 * 11, 2016 2:01:03 PM} (java.util.logging), {@code 2005-06-03-15.42.50.675872} (IBM's
 * {@code yyyy-MM-dd-HH.mm.ss.ffffff}: DB2, Blue Gene) and {@code msg=audit(1364481363.243:24287)}
 * (the Linux audit log: epoch seconds). A form without a year takes the year of {@code now}, or
 * the year before when that would put it more than a day ahead, as syslog stamps do.
 */
final class StampForms {
    private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String HMS = "(\\d{2}):(\\d{2}):(\\d{2})";
    private static final String FRACTION = "(?:[.,](\\d{1,9}))?";

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<!\\d)(\\d{1,2})([- ])" + MONTH + "\\2(\\d{4})[ :]" + HMS + FRACTION);
    private static final Pattern REDIS_NO_YEAR = Pattern.compile("^(?:\\d+:[A-Z] |\\[\\d+\\] )(\\d{1,2}) " + MONTH + " " + HMS + FRACTION);
    private static final Pattern CTIME = Pattern.compile("(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) " + MONTH + " ([ \\d]\\d) " + HMS + FRACTION + " (\\d{4})");
    private static final Pattern KLOG = Pattern.compile("^[IWEF](\\d{2})(\\d{2}) " + HMS + FRACTION);
    /** CockroachDB's klog-like header, whose date has the year: {@code E200307 22:50:49.448979}. */
    private static final Pattern CRDB = Pattern.compile("^[IWEF](\\d{2})(\\d{2})(\\d{2}) " + HMS + FRACTION);
    private static final Pattern JUL = Pattern.compile("^" + MONTH + " (\\d{1,2}), (\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2}) ([AP]M)");
    /** IBM's stamp; DB2 writes its offset from UTC in minutes after it ({@code -240}). */
    private static final Pattern IBM = Pattern.compile(
            "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})\\.(\\d{2})\\.(\\d{2})(?:\\.(\\d{1,9}))?([+-]\\d{3}(?!\\d))?");
    private static final Pattern AUDIT = Pattern.compile("audit\\((\\d{10})\\.(\\d{3}):\\d+\\)");
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private final LocalStamps local;
    private final DateOrder order;
    /** Matches starting at or past this index are later text, not the line's stamp. */
    private final int window;

    StampForms(LocalStamps local, DateOrder order, int window) {
        this.local = local;
        this.order = order;
        this.window = window;
    }

    /** The stamp of one of these forms in {@code head}; {@code now} gives the year of those without one. */
    Optional<Instant> find(String head, Instant now) {
        Matcher m = DateOrder.SLASHED.matcher(head);
        if (found(m)) {
            int[] date = order.yearMonthDay(m);
            return date == null ? Optional.empty() : at(date[0], date[1], date[2], m, 4);
        }
        m = DAY_MONTH_YEAR.matcher(head);
        if (found(m)) {
            return at(num(m, 4), month(m.group(3)), num(m, 1), m, 5);
        }
        m = CTIME.matcher(head);
        if (found(m)) {
            return at(num(m, 7), month(m.group(1)), Integer.parseInt(m.group(2).trim()), m, 3);
        }
        m = KLOG.matcher(head);
        if (m.find()) {
            return withoutYear(num(m, 1), num(m, 2), m, 3, now);
        }
        m = CRDB.matcher(head);
        if (m.find()) {
            return at(2000 + num(m, 1), num(m, 2), num(m, 3), m, 4);
        }
        m = REDIS_NO_YEAR.matcher(head);
        if (m.find()) {
            return withoutYear(month(m.group(2)), num(m, 1), m, 3, now);
        }
        m = JUL.matcher(head);
        if (m.find()) {
            int hour = num(m, 4) % 12 + (m.group(7).equals("PM") ? 12 : 0);
            return Optional.of(local.at(num(m, 3), month(m.group(1)), num(m, 2), hour, num(m, 5), num(m, 6), 0));
        }
        m = IBM.matcher(head);
        if (found(m)) {
            return m.group(8) == null ? at(num(m, 1), num(m, 2), num(m, 3), m, 4) : Optional.of(LocalDateTime.of(num(m, 1),
                    num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), LocalStamps.nanos(m.group(7)))
                    .toInstant(ZoneOffset.ofTotalSeconds(Integer.parseInt(m.group(8)) * 60)));
        }
        m = head.contains("audit(") ? AUDIT.matcher(head) : null;
        if (m != null && found(m)) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)), LocalStamps.nanos(m.group(2))));
        }
        return Optional.empty();
    }

    private boolean found(Matcher m) {
        return m.find() && m.start() < window;
    }

    /** The stamp of date {@code year-month-day} and the time in groups {@code from}.. (h, m, s, fraction). */
    private Optional<Instant> at(int year, int month, int day, Matcher m, int from) {
        return Optional.of(local.at(year, month, day, num(m, from), num(m, from + 1), num(m, from + 2),
                LocalStamps.nanos(m.group(from + 3))));
    }

    private Optional<Instant> withoutYear(int month, int day, Matcher m, int from, Instant now) {
        return Optional.of(local.withoutYear(month, day, num(m, from), num(m, from + 1), num(m, from + 2),
                LocalStamps.nanos(m.group(from + 3)), now));
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int month(String name) {
        return MONTHS.indexOf(name) / 3 + 1;
    }
}
