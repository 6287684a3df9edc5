package dev.vigil.shippers.kmsg;

import dev.vigil.shippers.filter.Levels;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses saved {@code dmesg} output for replay: {@code [  123.456789] msg} (seconds since boot,
 * turned into wall time with a given boot time) and {@code dmesg -T}'s
 * {@code [Mon Mar 14 02:11:07 2026] msg} (local time of the given zone), and
 * {@code dmesg --time-format iso}'s {@code 2026-12-03T17:43:52,808850+00:00 msg}, the first two also with
 * {@code dmesg -d}'s delta. An optional
 * {@code <pri>} prefix ({@code dmesg -r}) or {@code kern  :warn  : } ({@code dmesg -x}) gives
 * facility and priority. {@code dmesg -H}'s relative stamps need the lines before them, so
 * {@link #parseReltime} gives what they say and the reader keeps the clock.
 */
public final class DmesgTextParser {
    private static final Pattern PRI = Pattern.compile("^<(\\d{1,3})>");
    /**
     * {@code dmesg -d} (--show-delta) adds the seconds since the record before to the stamp,
     * {@code [  925.738225 <    0.188086>]} and {@code [Mon Mar 14 02:11:07 2026 <    0.000012>]}
     * ("%s <%12.06f>"); the stamp alone places the line.
     */
    private static final String SHOWN_DELTA = "(?: <\\s*\\d+\\.\\d+>)?";
    private static final Pattern RELATIVE = Pattern.compile("^\\[\\s*(\\d+\\.\\d+)" + SHOWN_DELTA + "\\]\\s?(.*)$", Pattern.DOTALL);
    private static final Pattern CTIME = Pattern.compile(
            "^\\[(\\w{3} \\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4})" + SHOWN_DELTA + "\\]\\s?(.*)$", Pattern.DOTALL);
    /** What follows the stamp in Apache's error log: {@code [error]}, {@code [core:warn]}, {@code [notice]}. */
    private static final Pattern APACHE_LEVEL =
            Pattern.compile("\\[(?:\\w+:)?(?:emerg|alert|crit|error|warn|notice|info|debug|trace[1-8])\\]");
    private static final DateTimeFormatter CTIME_FORMAT =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    /** {@code dmesg --time-format iso}: {@code 2026-12-03T17:43:52,808850+00:00 msg}. */
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}),(\\d{6})([+-]\\d{2}:\\d{2}) ?(.*)$", Pattern.DOTALL);
    /**
     * The task ({@code T1441}) or CPU ({@code C0}) that printed the line, after the stamp on kernels
     * built with CONFIG_PRINTK_CALLER: {@code [  244.780025][    C0] } on the console,
     * {@code [    0.002423] [    T1] } from util-linux dmesg. It is not part of the message.
     */
    private static final Pattern CALLER = Pattern.compile("^\\[\\s*[TC]\\d+\\] ?");
    /**
     * {@code dmesg -H} and {@code dmesg --reltime} (util-linux dmesg.c, DMESG_TIMEFTM_RELTIME): the
     * first record of each local minute carries the minute, strftime's {@code "%b%e %H:%M"}, so
     * {@code [Aug14 16:31] } and {@code [Aug 4 16:31] } for a day below 10, without a year or seconds.
     */
    private static final Pattern RELTIME_MINUTE =
            Pattern.compile("^\\[([A-Z][a-z]{2}) ?(\\d{1,2}) (\\d{2}):(\\d{2})\\] ?(.*)$", Pattern.DOTALL);
    /**
     * The other records of the minute carry the seconds since the record before: {@code [  +0.007701] },
     * {@code [ +16.365880] } ({@code "[  %+8.06f] "}, {@code "[ %+9.06f] "}); some util-linux
     * versions printed {@code "[%+8.06f]"}, without the padding.
     */
    private static final Pattern RELTIME_DELTA = Pattern.compile("^\\[\\s*\\+(\\d+\\.\\d+)\\] ?(.*)$", Pattern.DOTALL);
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    /** {@code dmesg -x}: facility and level by name before the stamp, {@code kern  :warn  : }. */
    private static final Pattern DECODED = Pattern.compile("^([a-z]+[0-7]?)\\s*:\\s*([a-z]+)\\s*: ?");
    private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
            "uucp", "cron", "authpriv", "ftp");

    private final Instant bootedAt;
    private final ZoneId zone;

    /**
     * @param bootedAt wall time of the boot the saved output comes from (for relative stamps); null
     *     when unknown, and then only {@code dmesg -T} lines parse
     * @param zone the zone {@code dmesg -T} printed its local times in
     */
    public DmesgTextParser(Instant bootedAt, ZoneId zone) {
        this.bootedAt = bootedAt;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** One parsed line of dmesg output. */
    public record DmesgLine(Instant ts, String message, Integer facility, Integer priority) {}

    /**
     * One line of {@code dmesg -H} / {@code --reltime} output: at the first record of a minute, the
     * local {@code day} and {@code minute} (no year); on the others, {@code sinceLast}, the seconds since
     * the record before. Exactly one of {@code minute} and {@code sinceLast} is set.
     */
    public record ReltimeLine(MonthDay day, LocalTime minute, BigDecimal sinceLast, String message, Integer facility,
            Integer priority) {
        /** True for the first line of a minute, which carries the minute. */
        public boolean startsMinute() {
            return minute != null;
        }
    }

    /** The line's {@code dmesg -H} stamp and message; empty when it has none. */
    public static Optional<ReltimeLine> parseReltime(String line) {
        Prefixed p = prefixed(line);
        Matcher delta = RELTIME_DELTA.matcher(p.rest());
        if (delta.matches()) {
            BigDecimal seconds = new BigDecimal(delta.group(1));
            return Optional.of(new ReltimeLine(null, null, seconds, withoutCaller(delta.group(2)), p.facility(), p.priority()));
        }
        Matcher minute = RELTIME_MINUTE.matcher(p.rest());
        int month = MONTHS.indexOf(minute.matches() ? minute.group(1) : "?");
        if (month < 0 || month % 3 != 0) {
            return Optional.empty();
        }
        try {
            MonthDay day = MonthDay.of(month / 3 + 1, Integer.parseInt(minute.group(2)));
            LocalTime at = LocalTime.of(Integer.parseInt(minute.group(3)), Integer.parseInt(minute.group(4)));
            return Optional.of(new ReltimeLine(day, at, null, withoutCaller(minute.group(5)), p.facility(), p.priority()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The line's time and message; empty when it has no dmesg stamp (a continuation, or other text). */
    public Optional<DmesgLine> parse(String line) {
        Prefixed p = prefixed(line);
        Matcher iso = ISO.matcher(p.rest());
        if (iso.matches()) {
            Instant ts = OffsetDateTime.parse(iso.group(1) + "." + iso.group(2) + iso.group(3)).toInstant();
            return Optional.of(new DmesgLine(ts, withoutCaller(iso.group(4)), p.facility(), p.priority()));
        }
        Matcher rel = RELATIVE.matcher(p.rest());
        if (rel.matches() && bootedAt != null) {
            long micros = new BigDecimal(rel.group(1)).movePointRight(6).longValue();
            return Optional.of(new DmesgLine(bootedAt.plusNanos(micros * 1000), withoutCaller(rel.group(2)), p.facility(), p.priority()));
        }
        Matcher ctime = CTIME.matcher(p.rest());
        if (ctime.matches()) {
            try {
                Instant ts = LocalDateTime.parse(ctime.group(1), CTIME_FORMAT).atZone(zone).toInstant();
                return Optional.of(new DmesgLine(ts, withoutCaller(ctime.group(2)), p.facility(), p.priority()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * True when {@code line} has the shape of a dmesg line in any of the forms above, whatever its
     * boot: how replay tells a dmesg file by its first line.
     */
    public static boolean looksLikeDmesg(String line) {
        String rest = prefixed(line).rest();
        if (ISO.matcher(rest).matches() || RELATIVE.matcher(rest).matches() || parseReltime(line).isPresent()) {
            return true;
        }
        Matcher ctime = CTIME.matcher(rest);
        // Apache 2.2's error log has dmesg -T's stamp; the [level] after it (Apache's, mod_jk's) is no kernel's
        return ctime.matches() && !APACHE_LEVEL.matcher(ctime.group(2)).lookingAt();
    }

    private static String withoutCaller(String message) {
        Matcher caller = CALLER.matcher(message);
        return caller.lookingAt() ? message.substring(caller.end()) : message;
    }

    /** A line without its {@code <pri>} or {@code dmesg -x} prefix, and what the prefix said. */
    private record Prefixed(Integer facility, Integer priority, String rest) {}

    private static Prefixed prefixed(String line) {
        Matcher pri = PRI.matcher(line);
        if (pri.find()) {
            int p = Integer.parseInt(pri.group(1));
            return new Prefixed(p >> 3, p & 7, line.substring(pri.end()));
        }
        Matcher decoded = DECODED.matcher(line);
        if (decoded.find()) {
            int facility = facility(decoded.group(1));
            // dmesg -x names the levels as syslog does (emerg ... debug, "warn" for 4)
            int level = Levels.ofName(decoded.group(2), 0, decoded.group(2).length());
            if (facility >= 0 && level >= 0) {
                return new Prefixed(facility, level, line.substring(decoded.end()));
            }
        }
        return new Prefixed(null, null, line);
    }

    /** The number of a facility as {@code dmesg -x} names it ({@code local0}-{@code local7} are 16-23); -1 for none. */
    private static int facility(String name) {
        if (name.startsWith("local") && name.length() == 6 && name.charAt(5) >= '0' && name.charAt(5) <= '7') {
            return 16 + name.charAt(5) - '0';
        }
        return FACILITIES.indexOf(name);
    }
}
