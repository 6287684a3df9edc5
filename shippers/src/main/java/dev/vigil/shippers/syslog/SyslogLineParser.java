package dev.vigil.shippers.syslog;

import static dev.vigil.shippers.file.LocalStamps.nanos;
import static dev.vigil.shippers.syslog.SyslogStamps.iso;
import static dev.vigil.shippers.syslog.SyslogStamps.local;
import static dev.vigil.shippers.syslog.SyslogStamps.month;
import static dev.vigil.shippers.syslog.SyslogStamps.number;

import dev.vigil.shippers.file.LocalStamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines syslog daemons write to {@code /var/log/syslog}, {@code messages} and
 * {@code kern.log}, and {@code journalctl}'s text exports:
 * <ul>
 *   <li>RFC 3164 / {@code journalctl -o short}: {@code Nov 24 00:00:00 host prog[pid]: msg}, and
 *       {@code -o short-precise} with a fraction of a second;</li>
 *   <li>rsyslog's RFC 3339 "high precision" form and {@code journalctl -o short-iso} /
 *       {@code short-iso-precise}: {@code 2026-11-24T00:00:00.123456+00:00 host prog[pid]: msg}
 *       (offset with or without colon, or {@code Z});</li>
 *   <li>{@code journalctl -o short-full}: {@code Tue 2026-11-24 00:00:00 UTC host prog[pid]: msg};</li>
 *   <li>the ISO date and time with a space and no zone: {@code 2026-06-23 15:54:05.770 host prog[pid]: msg};</li>
 *   <li>{@code journalctl -o short-unix}: {@code 1790526618.512034 host prog[pid]: msg};</li>
 *   <li>{@code journalctl -o short-monotonic}: {@code [ 1269.000137] host prog[pid]: msg}, seconds
 *       since the boot, read only by a parser that knows when the host booted;</li>
 *   <li>RFC 5424: {@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG}, the PRI optional as
 *       files written with rsyslog's {@code RSYSLOG_SyslogProtocol23Format} have it;</li>
 *   <li>SONiC's {@code /var/log/syslog}: the severity in capitals between host and tag
 *       ({@code Jun  3 07:59:01.257158 sonic ERR swss#orchagent: msg}), which gives the priority, and
 *       from SONiC 202405 on the year before the RFC 3164 stamp ({@code 2024 Dec 17 12:16:42.236508 sonic …});</li>
 *   <li>any of these without a host, as {@code journalctl --no-hostname} prints them
 *       ({@code Jun 30 13:25:13 systemd[1]: msg}), when the tag has a pid.</li>
 * </ul>
 * Any of them may start with a {@code <PRI>}, which gives facility and priority. Stamps without a
 * year (RFC 3164) are put in the year of a reference instant, or the year before when that would
 * put them more than a day after it (December lines read in January); stamps without a zone are
 * in the configured zone, as the syslog daemon wrote them in the host's local time.
 */
public final class SyslogLineParser {
    private static final Pattern PRI = Pattern.compile("^<(\\d{1,3})>");
    private static final String ISO_STAMP =
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})";
    private static final Pattern ISO_HEAD = Pattern.compile("^" + ISO_STAMP + " ");
    private static final Pattern ISO_ONLY = Pattern.compile(ISO_STAMP);
    /** The ISO date and time with a space between and no zone, as Home Assistant OS prints its journal. */
    private static final Pattern ISO_SPACE_HEAD =
            Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))? ");
    /** {@code journalctl -o short-unix}: seconds since the epoch, to the microsecond. */
    private static final Pattern UNIX_HEAD = Pattern.compile("^(\\d{9,11})\\.(\\d{6}) ");
    /** {@code journalctl -o short-monotonic}: seconds since boot, to the microsecond, as dmesg writes them. */
    private static final Pattern MONOTONIC_HEAD = Pattern.compile("^\\[ *(\\d{1,10})\\.(\\d{6})\\] ");
    /** An RFC 3164 stamp; the month in English, or as journalctl prints it under another locale ({@link SyslogStamps#month}). */
    private static final Pattern BSD_HEAD = Pattern.compile(
            "^(\\p{L}{3,5}\\.?) ([ \\d]?\\d) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))? ");
    /** SONiC's stamp: the year, then the RFC 3164 stamp. */
    private static final Pattern YEAR_BSD_HEAD = Pattern.compile(
            "^(\\d{4}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \\d]?\\d) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))? ");
    private static final Pattern FULL_HEAD = Pattern.compile(
            "^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))? (\\S+) ");
    /** RFC 5424 after the PRI: version 1, stamp, host, app name, proc id, msg id. */
    private static final Pattern RFC5424_HEAD = Pattern.compile("^1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) ");
    /** Host, then a tag {@code prog[pid]:} or {@code prog:} (absent in {@code last message repeated 3 times}). */
    private static final Pattern HOST_TAG = Pattern.compile("^(\\S+) (?:([^\\s\\[\\]:]+)(?:\\[(\\d{1,10})\\])?:(?: |$))?");
    /**
     * A tag with a pid right after the stamp: {@code journalctl --no-hostname}, or a host with no name
     * (two spaces). A host name never holds a {@code [}, so such a word is the tag; nor does it end in
     * a colon, so {@code kernel:} there is the kernel's tag, which has no pid.
     */
    private static final Pattern NO_HOST_TAG = Pattern.compile("^ ?(?:([^\\s\\[\\]:]+)\\[(\\d{1,10})\\]|(kernel)):(?: |$)");
    /**
     * rsyslog's {@code %syslogseverity-text:::uppercase%} between host and tag, as SONiC's template
     * writes it, then the tag when it has one (a container's supervisord writes its own stamp instead).
     */
    private static final Pattern SEVERITY_TAG = Pattern.compile(
            "^(EMERG|ALERT|CRIT|ERR|WARNING|NOTICE|INFO|DEBUG) (?:([^\\s\\[\\]:]+)(?:\\[(\\d{1,10})\\])?:(?: |$))?");
    /** The severities by their number, 0 (emerg) to 7 (debug). */
    private static final List<String> SEVERITIES = List.of("EMERG", "ALERT", "CRIT", "ERR", "WARNING", "NOTICE", "INFO", "DEBUG");
    /** What a host name or address looks like; an app log's level word in that place does not count. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final Pattern LEVEL_WORD = Pattern.compile(
            "(?i)trace|debug|info|notice|warn|warning|error|err|fatal|crit|critical|severe");
    private static final Pattern JOURNAL_END = Pattern.compile(
            "-- (?:Logs begin|Journal begins) at .*?, ends? at \\w{3} (\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2})");

    private final ZoneId zone;
    /** Where an RFC 3164 stamp, which has no year, takes one. */
    private final LocalStamps stamps;
    /** When the host booted, for {@code short-monotonic} stamps; null when unknown (such lines do not parse). */
    private final Instant bootedAt;
    private final Map<String, ZoneId> zoneNames = new ConcurrentHashMap<>();

    /** @param zone zone of stamps that carry none (RFC 3164, {@code short}, {@code short-precise}) */
    public SyslogLineParser(ZoneId zone) {
        this(zone, null);
    }

    /**
     * @param zone zone of stamps that carry none (RFC 3164, {@code short}, {@code short-precise})
     * @param bootedAt when the host booted, which puts {@code short-monotonic} stamps on the clock; null when unknown
     */
    public SyslogLineParser(ZoneId zone, Instant bootedAt) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.stamps = new LocalStamps(zone);
        this.bootedAt = bootedAt;
    }

    /**
     * Whether {@code line} is {@code journalctl -o short-monotonic}'s: a dmesg stamp, then a host and a
     * {@code prog[pid]:} or {@code kernel:} tag. dmesg's own lines have no host: after the stamp comes
     * the kernel's text ({@code usb 1-1: …}, {@code systemd[1]: …}), which never has both.
     */
    public static boolean isShortMonotonic(String line) {
        Matcher m = MONOTONIC_HEAD.matcher(line);
        if (!m.find()) {
            return false;
        }
        Matcher tag = HOST_TAG.matcher(line).region(m.end(), line.length());
        return tag.lookingAt() && tag.group(2) != null && (tag.group(3) != null || tag.group(2).equals("kernel"))
                && isHostName(tag.group(1));
    }

    /**
     * The line's parts; empty when it is not a syslog line (a continuation, other text, a stamp
     * with impossible values).
     *
     * @param reference gives the year of stamps without one: the file's last change, or now when tailing
     */
    public Optional<SyslogLine> parse(String line, Instant reference) {
        try {
            return Optional.ofNullable(parseOrNull(line, reference));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * True when a file whose first line is {@code line} is a syslog file: the line parses and, unless
     * it is RFC 5424 (whose shape says it all), has a tag and a host that looks like one, so an
     * application log whose lines start with a stamp and a level ({@code ... INFO main: started})
     * stays an application log.
     */
    public boolean looksLikeSyslog(String line) {
        Optional<SyslogLine> parsed = parse(line, Instant.now());
        if (parsed.isEmpty()) {
            return false;
        }
        if (withoutPri(line).startsWith("1 ")) {
            return true;
        }
        String host = parsed.get().host();
        // app logs also start with this stamp ("… Starting server: listening"): a journal line has a pid or is the kernel's
        boolean spaced = ISO_SPACE_HEAD.matcher(withoutPri(line)).lookingAt();
        // without a PRI, a priority can only come from SONiC's severity word, which a tag may not follow
        boolean severity = parsed.get().priority() != null && !line.startsWith("<");
        // no host (journalctl --no-hostname, an empty hostname): only a tag with a pid, or the kernel's, follows the stamp
        boolean hostOrNone = host == null ? parsed.get().pid() != null || "kernel".equals(parsed.get().program()) : isHostName(host);
        return (parsed.get().program() != null || severity) && hostOrNone
                && (!spaced || parsed.get().pid() != null || "kernel".equals(parsed.get().program()));
    }

    /** Whether the word where a syslog line has its host looks like one: an app log's level word there does not. */
    private static boolean isHostName(String word) {
        return HOST_NAME.matcher(word).matches() && !LEVEL_WORD.matcher(word).matches();
    }

    /**
     * {@code journalctl}'s own lines between entries: {@code -- Logs begin at …}, {@code -- Boot … --},
     * {@code -- No entries --}, and the catalog text {@code journalctl -x} prints under an entry
     * ({@code -- Subject: …}, {@code -- Defined-By: systemd}, {@code -- }; {@code ░░ } before each line
     * from systemd 246 on). No entry starts so: an entry starts with its stamp.
     */
    public static boolean isJournalMarker(String line) {
        return line.startsWith("-- ") || line.equals("--") || line.startsWith("\u2591\u2591");
    }

    /**
     * When the journal's last entry was, from the header journalctl printed before systemd 250
     * ({@code -- Logs begin at Thu 2020-09-03 22:40:22 UTC, end at Thu 2020-09-03 22:43:39 UTC. --}, or
     * {@code Journal begins at …, ends at …}); empty for any other line. The lines after it are from
     * before that time, which gives the year their stamps leave out. The time is as printed, in
     * journalctl's zone.
     */
    public static Optional<LocalDateTime> journalEnd(String line) {
        Matcher m = JOURNAL_END.matcher(line);
        return m.lookingAt() ? Optional.of(LocalDateTime.of(number(m.group(1)), number(m.group(2)), number(m.group(3)),
                number(m.group(4)), number(m.group(5)))) : Optional.empty();
    }

    /** True when {@code line} continues the entry before it: journalctl indents a message's further lines. */
    public static boolean continues(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    private SyslogLine parseOrNull(String line, Instant reference) {
        Integer pri = null;
        String rest = line;
        if (line.startsWith("<")) {
            Matcher m = PRI.matcher(line);
            if (!m.find() || Integer.parseInt(m.group(1)) > 191) {
                return null;
            }
            pri = Integer.parseInt(m.group(1));
            rest = line.substring(m.end());
        }
        if (rest.length() < 2) {
            return null;
        }
        char first = rest.charAt(0);
        if (first == '1' && rest.charAt(1) == ' ') {
            return rfc5424(rest, pri);
        }
        if (first == '[') {
            Matcher m = MONOTONIC_HEAD.matcher(rest);
            return bootedAt != null && m.find() ? headed(bootedAt.plusSeconds(Long.parseLong(m.group(1)))
                    .plusNanos(Long.parseLong(m.group(2)) * 1000), rest.substring(m.end()), pri) : null;
        }
        if (first >= '0' && first <= '9') {
            Matcher m = ISO_HEAD.matcher(rest);
            if (m.find()) {
                return headed(iso(m, 1), rest.substring(m.end()), pri);
            }
            m = ISO_SPACE_HEAD.matcher(rest);
            if (m.find()) {
                return headed(local(m, 1).atZone(zone).toInstant(), rest.substring(m.end()), pri);
            }
            m = YEAR_BSD_HEAD.matcher(rest);
            if (m.find()) {
                return headed(LocalDateTime.of(number(m.group(1)), month(m.group(2)), number(m.group(3).trim()),
                        number(m.group(4)), number(m.group(5)), number(m.group(6)), nanos(m.group(7))).atZone(zone).toInstant(),
                        rest.substring(m.end()), pri);
            }
            m = UNIX_HEAD.matcher(rest);
            return m.find() ? headed(Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) * 1000),
                    rest.substring(m.end()), pri) : null;
        }
        Matcher m = BSD_HEAD.matcher(rest);
        if (m.find()) {
            Instant ts = bsd(m, reference);
            return ts == null ? null : headed(ts, rest.substring(m.end()), pri);
        }
        m = FULL_HEAD.matcher(rest);
        if (m.find()) {
            LocalDateTime local = local(m, 1);
            return headed(local.atZone(zoneNamed(m.group(8))).toInstant(), rest.substring(m.end()), pri);
        }
        return null;
    }

    private static SyslogLine headed(Instant ts, String rest, Integer pri) {
        Matcher bare = NO_HOST_TAG.matcher(rest);
        if (bare.lookingAt()) {
            boolean kernel = bare.group(3) != null;
            return new SyslogLine(ts, null, kernel ? "kernel" : bare.group(1), kernel ? null : Long.parseLong(bare.group(2)),
                    facility(pri), priority(pri), rest.substring(bare.end()));
        }
        Matcher m = HOST_TAG.matcher(rest);
        if (!m.find()) {
            return null;
        }
        if (m.group(2) == null && pri == null) {
            Matcher severity = SEVERITY_TAG.matcher(rest).region(m.end(), rest.length());
            if (severity.lookingAt()) {
                Long pid = severity.group(3) == null ? null : Long.parseLong(severity.group(3));
                return new SyslogLine(ts, m.group(1), severity.group(2), pid, null,
                        SEVERITIES.indexOf(severity.group(1)), rest.substring(severity.end()));
            }
        }
        Long pid = m.group(3) == null ? null : Long.parseLong(m.group(3));
        return new SyslogLine(ts, m.group(1), m.group(2), pid, facility(pri), priority(pri), rest.substring(m.end()));
    }

    private static SyslogLine rfc5424(String rest, Integer pri) {
        Matcher m = RFC5424_HEAD.matcher(rest);
        if (!m.find()) {
            return null;
        }
        Matcher stamp = ISO_ONLY.matcher(m.group(1));
        if (!stamp.matches()) {
            return null; // "-": a line that does not say when it happened cannot be put on the timeline
        }
        int sdEnd = endOfStructuredData(rest, m.end());
        if (sdEnd < 0) {
            return null;
        }
        String message = sdEnd < rest.length() && rest.charAt(sdEnd) == ' ' ? rest.substring(sdEnd + 1) : "";
        if (message.startsWith("\uFEFF")) {
            message = message.substring(1); // RFC 5424 marks a UTF-8 message with a BOM
        }
        String procId = m.group(4);
        Long pid = procId.chars().allMatch(Character::isDigit) && procId.length() <= 10 ? Long.parseLong(procId) : null;
        return new SyslogLine(iso(stamp, 1), nil(m.group(2)), nil(m.group(3)), pid, facility(pri), priority(pri), message);
    }

    /** The index after RFC 5424's STRUCTURED-DATA starting at {@code from}: {@code -} or {@code [id k="v"]…}; -1 when unterminated. */
    private static int endOfStructuredData(String s, int from) {
        if (from < s.length() && s.charAt(from) == '-') {
            return from + 1;
        }
        int i = from;
        while (i < s.length() && s.charAt(i) == '[') {
            boolean quoted = false;
            for (i++; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted && c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ']' && !quoted) {
                    break;
                }
            }
            if (i >= s.length()) {
                return -1;
            }
            i++;
        }
        return i == from ? -1 : i;
    }

    private static String nil(String value) {
        return "-".equals(value) ? null : value;
    }

    private static Integer facility(Integer pri) {
        return pri == null ? null : pri >> 3;
    }

    private static Integer priority(Integer pri) {
        return pri == null ? null : pri & 7;
    }

    /** The stamp's instant; null when its first word names no month. */
    private Instant bsd(Matcher m, Instant reference) {
        int month = month(m.group(1));
        if (month == 0) {
            return null;
        }
        return stamps.withoutYear(month, number(m.group(2).trim()), number(m.group(3)), number(m.group(4)),
                number(m.group(5)), nanos(m.group(6)), reference);
    }

    /** journalctl's short-full names the zone by abbreviation ({@code UTC}, {@code CET}, {@code EST}). */
    private ZoneId zoneNamed(String name) {
        return zoneNames.computeIfAbsent(name, n -> {
            if (n.equals("UTC") || n.equals("GMT") || n.equals("Z")) {
                return ZoneOffset.UTC;
            }
            try {
                return ZoneId.of(n, ZoneId.SHORT_IDS);
            } catch (DateTimeException e) {
                return zone; // an abbreviation Java does not know: the host's zone, as for short
            }
        });
    }

    private static String withoutPri(String line) {
        Matcher m = PRI.matcher(line);
        return m.find() ? line.substring(m.end()) : line;
    }

}
