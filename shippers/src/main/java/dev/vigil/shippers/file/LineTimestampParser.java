package dev.vigil.shippers.file;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the time an application log line was written, from a stamp near its start: ISO-8601
 * ({@code 2024-01-01T12:00:00.123Z}, with offset, {@code UTC}/{@code GMT} or none, {@code T} or
 * space, {@code ,} or {@code .} before the fraction), syslog ({@code Mar 14 02:11:07}, year taken
 * from the clock), Apache/nginx ({@code [14/Mar/2024:02:11:07 +0000]}, HAProxy's
 * {@code [14/Mar/2024:02:11:07.655]}), {@code 14/Mar/2024 02:11:07}, the digit forms of
 * {@link LeadingStamps} at the start of the line (epoch seconds or milliseconds, logcat, compact
 * dates) and the forms of {@link StampForms} (nginx's error log, Go, log4j's {@code yy/MM/dd},
 * Tomcat, Redis, Apache's error log, klog, java.util.logging, IBM, the audit log), and last the
 * tagged epoch of supercomputer logs ({@link LeadingStamps#taggedEpoch}). Stamps without a
 * zone are in the configured zone. A JSON object line or a logfmt line is stamped from its own time
 * field first, wherever it is in the line (see {@link StructuredLineTime}).
 */
public final class LineTimestampParser {
    /** A stamp must start in this many first characters; later text is the message. */
    private static final int SEARCH_WINDOW = 64;
    /** How far past {@link #SEARCH_WINDOW} a stamp that starts within it is read. */
    private static final int LONGEST_STAMP = 36;
    /** How far into a stamp {@link #mayHoldStamp}'s first sign may be. */
    private static final int FIRST_SIGN = 20;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?\\s?(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?");
    private static final Pattern APACHE = Pattern.compile(
            "\\[(\\d{2}/\\w{3}/\\d{4}):(\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,6}))?(?: ([+-]\\d{4}))?\\]");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{2}/\\w{3}/\\d{4}) (\\d{2}:\\d{2}:\\d{2})");
    private static final Pattern SYSLOG = Pattern.compile(
            "^(?:<\\d{1,3}>)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \\d]\\d) (\\d{2}:\\d{2}:\\d{2})");

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SYSLOG_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("MMM").appendLiteral(' ').appendValue(ChronoField.DAY_OF_MONTH)
            .toFormatter(Locale.ROOT);

    private final ZoneId zone;
    private final LocalStamps local;
    private final LeadingIsoStamp leadingIso;
    private final LeadingStamps digitForms;
    private final StampForms otherForms;
    private final StructuredLineTime structured;
    /** The word of this file's lines that holds epoch seconds, or {@link EpochField#NONE}. */
    private final int epochField;

    /** @param zone zone of stamps that carry none */
    public LineTimestampParser(ZoneId zone) {
        this(zone, DateOrder.YEAR_MONTH_DAY);
    }

    /**
     * @param zone zone of stamps that carry none
     * @param order the order of the file's numeric slashed dates ({@link DateOrder#of} its head)
     */
    public LineTimestampParser(ZoneId zone, DateOrder order) {
        this(zone, order, EpochField.NONE);
    }

    private LineTimestampParser(ZoneId zone, DateOrder order, int epochField) {
        this.epochField = epochField;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.leadingIso = new LeadingIsoStamp(zone);
        this.local = new LocalStamps(zone);
        this.digitForms = new LeadingStamps(local);
        this.otherForms = new StampForms(local, Objects.requireNonNull(order, "order"), SEARCH_WINDOW);
        this.structured = new StructuredLineTime(new LeadingIsoStamp(zone));
    }

    /**
     * A parser for the lines of one file, told by its first lines ({@code head}): it reads the
     * file's numeric dates in the order they show ({@link DateOrder}), and a line with no other
     * stamp by the word that holds epoch seconds in nearly all of them ({@link EpochField}).
     */
    public static LineTimestampParser forHead(ZoneId zone, List<String> head) {
        return new LineTimestampParser(zone, DateOrder.of(head), EpochField.of(head));
    }

    /**
     * The line's stamp; {@code now} gives the year of syslog stamps (the previous year when the
     * stamp would be more than a day in the future, as on 1 January for December lines).
     */
    public Optional<Instant> parse(String line, Instant now) {
        Instant leading;
        try {
            leading = leadingIso.parse(line);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (leading != null) {
            return Optional.of(leading);
        }
        Instant field = structured.parse(line);
        if (field != null) {
            return Optional.of(field);
        }
        Optional<Instant> found = mayHoldStamp(line) ? search(line, now) : Optional.empty();
        return found.isPresent() || epochField == EpochField.NONE ? found
                : Optional.ofNullable(EpochField.read(line, epochField));
    }

    /**
     * False when no form of {@link #search} can match: each needs, in the first {@link
     * #SEARCH_WINDOW} characters, a digit or {@code [} and a digit at the start (the forms of
     * {@link LeadingStamps}) or two digits followed by {@code -}, {@code /} or {@code :} (ISO's
     * date, Apache's and day/month/year's day, the hour of syslog's and every other form).
     * Continuation lines (a traceback, a wrapped message) are read for a stamp too, and the
     * regexes cost a microsecond a line. Those two digits and sign come at most {@link
     * #FIRST_SIGN} characters into a stamp (the audit log's {@code audit(1364481363.243:}).
     */
    private static boolean mayHoldStamp(String line) {
        int n = Math.min(line.length(), SEARCH_WINDOW + FIRST_SIGN);
        if (n > 0 && (isDigit(line.charAt(0)) || n > 1 && line.charAt(0) == '[' && isDigit(line.charAt(1)))) {
            return true;
        }
        for (int i = 0; i + 2 < n; i++) {
            char c = line.charAt(i + 2);
            if ((c == '-' || c == '/' || c == ':') && isDigit(line.charAt(i)) && isDigit(line.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The stamp found by the searches alone; {@link #parse} gives the same, faster for a leading ISO stamp. */
    Optional<Instant> search(String line, Instant now) {
        Instant leading = digitForms.find(line, now);
        if (leading != null) {
            return Optional.of(leading);
        }
        try {
            // a stamp starting in the window is read whole, past it
            int end = SEARCH_WINDOW + LONGEST_STAMP;
            String head = line.length() > end ? line.substring(0, end) : line;
            Matcher m = ISO.matcher(head);
            if (found(m)) {
                return Optional.of(iso(m));
            }
            m = APACHE.matcher(head);
            if (found(m)) {
                return Optional.of(apache(m));
            }
            m = DAY_MONTH_YEAR.matcher(head);
            if (found(m)) {
                return Optional.of(LocalDateTime.parse(m.group(1) + " " + m.group(2), DMY).atZone(zone).toInstant());
            }
            m = SYSLOG.matcher(head);
            if (m.find()) {
                return Optional.of(syslog(m, now));
            }
            Optional<Instant> other = otherForms.find(head, now);
            return other.isPresent() ? other : Optional.ofNullable(digitForms.taggedEpoch(line));
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static boolean found(Matcher m) {
        return m.find() && m.start() < SEARCH_WINDOW;
    }

    private Instant apache(Matcher m) {
        LocalDateTime local = LocalDateTime.parse(m.group(1) + " " + m.group(2), DMY).withNano(LocalStamps.nanos(m.group(3)));
        String offset = m.group(4);
        if (offset == null) {
            return local.atZone(zone).toInstant();
        }
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        return local.toInstant(ZoneOffset.ofHoursMinutes(sign * digits(offset, 1, 3), sign * digits(offset, 3, 5)));
    }

    private Instant iso(Matcher m) {
        // built from the digits rather than through a DateTimeFormatter: this runs for every line
        String date = m.group(1);
        String time = m.group(2);
        LocalDateTime local = LocalDateTime.of(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10),
                digits(time, 0, 2), digits(time, 3, 5), digits(time, 6, 8), LocalStamps.nanos(m.group(3)));
        String offset = m.group(4);
        if (offset == null) {
            return local.atZone(zone).toInstant();
        }
        if (offset.equals("Z") || offset.equals("UTC") || offset.equals("GMT")) {
            return local.toInstant(ZoneOffset.UTC);
        }
        int sign = offset.charAt(0) == '-' ? -1 : 1;
        String hhmm = offset.substring(1).replace(":", "");
        return local.toInstant(ZoneOffset.ofHoursMinutes(sign * digits(hhmm, 0, 2), sign * digits(hhmm, 2, 4)));
    }

    private static int digits(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }

    private Instant syslog(Matcher m, Instant now) {
        MonthDay day = MonthDay.parse(m.group(1) + " " + m.group(2).trim(), SYSLOG_FORMAT);
        return local.withoutYear(day, LocalTime.parse(m.group(3)), now);
    }
}
