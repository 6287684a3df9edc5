package dev.vigil.shippers.syslog;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.filter.LineLevel;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns syslog lines into the events the journald and kmsg sources make, so every journald and
 * kernel pattern applies to a syslog file as to the journal:
 * <ul>
 *   <li>{@code kernel:} lines are {@code kernel} events; a leading {@code [  123.456789] } (the
 *       kernel's seconds since boot, which some distributions' klogd keeps) is cut from the message,
 *       as the kmsg source's messages have none.</li>
 *   <li>Other lines are {@code journald} events with {@code identifier} and {@code comm} the tag's
 *       program and {@code pid} its pid.</li>
 *   <li>The {@code unit} of systemd's own lines is the unit they are about, as journald puts it in
 *       {@code UNIT=} ({@code foo.service: Scheduled restart job…}, {@code Unit foo.service entered
 *       failed state.}, {@code start request repeated too quickly for foo.service}). A user manager
 *       ({@code systemd[pid]} with pid other than 1) names its units in {@code USER_UNIT=}: the event
 *       gets that unit too, and the field, since the {@code user@UID.service} the journal would name
 *       is not in the line.</li>
 *   <li>Newer systemd writes {@code Scheduled restart job, restart counter is at N.} without the
 *       unit in the text (the journal has it in {@code UNIT=} only): such a line gets the unit that
 *       the same manager last reported dead ({@code Main process exited}, {@code Failed with result}),
 *       the unit whose restart it schedules.</li>
 *   <li>systemd follows {@code foo.service: Failed with result …} with {@code Failed to start
 *       <Description>.}, naming the unit by its description only: that line gets the unit of the
 *       failure the same manager logged in the same second, and priority err, at which systemd
 *       always logs a failed job, so it is the cause a crash loop's incident names, as from the journal.</li>
 *   <li>{@code journalctl -o with-unit} tags a line with its unit ({@code release-image.service[1995]:}):
 *       that is the line's unit.</li>
 *   <li>Another program's line gets the unit {@code <program>.service} once systemd has named that
 *       unit in the same stream, so a service's own error lines join its restarts; the unit is not
 *       guessed for programs systemd never named (cron, sshd's {@code ssh.service}, a service whose
 *       tag is its interpreter's name).</li>
 * </ul>
 * Priority and facility come from a {@code <PRI>} prefix; RFC 3164 files rarely have one, so a
 * program's line without it gets the level the program itself wrote at the start of its message
 * ({@code ERROR …}, {@code level=error …}, klog's {@code E1203 …}; see {@link LineLevel#atStart}), as
 * the journal has it when the program logs there. Priority is never guessed from a word inside the
 * text: that would make error signatures of lines programs never called errors. Kernel lines get
 * none without {@code <PRI>}.
 * One mapper per stream: it remembers the units systemd named.
 */
public final class SyslogEventMapper {
    /** Units remembered per stream; a host has hundreds, this bounds a stream of made-up names. */
    static final int MAX_KNOWN_UNITS = 10_000;

    private static final String UNIT =
            "([A-Za-z0-9:_.\\\\@-]+\\.(?:service|socket|target|device|mount|automount|swap|timer|path|slice|scope))";
    /** {@code foo.service: …} (v235+), {@code foo.service holdoff time over…}, {@code Unit foo.service entered…}. */
    private static final Pattern UNIT_FIRST = Pattern.compile("^(?:Unit )?" + UNIT + "(?::| )");
    /** {@code Started foo.service - Description.}, {@code Stopped foo.service.} (unit named by its file name). */
    private static final Pattern UNIT_AFTER_VERB = Pattern.compile(
            "^(?:Starting|Started|Stopping|Stopped|Finished|Reloading|Reloaded|Failed to start|Dependency failed for) "
                    + UNIT + "(?: - |\\.{3}$|\\.$|$)");
    /** {@code start request repeated too quickly for foo.service} (before v235). */
    private static final Pattern UNIT_LAST = Pattern.compile(" for " + UNIT + "\\.?$");
    /** A unit's process ended: the unit a restart line without a unit is about. */
    private static final Pattern UNIT_DIED = Pattern.compile(
            "^" + UNIT + ": (?:Main process exited|Failed with result|Control process exited|Service has no hold-off time)");
    private static final String RESTART_WITHOUT_UNIT = "Scheduled restart job";
    /** systemd's line for a failed start job, which names the unit's description (job.c, at LOG_ERR). */
    private static final String FAILED_JOB = "Failed to start ";
    private static final int LOG_ERR = 3;
    private static final Pattern UNIT_NAME = Pattern.compile(UNIT);
    private static final Pattern RESTART_SCHEDULED =
            Pattern.compile("(?:^|: )Scheduled restart job, restart counter is at (\\d+)\\.$");
    private static final Pattern UNIT_RESULT = Pattern.compile(": Failed with result '([^']+)'\\.$");
    private static final String OOM_KILLED = "A process of this unit has been killed by the OOM killer.";
    /** Catalog ids (systemd's catalog/systemd.catalog.in) of the messages above. */
    private static final String ID_RESTART_SCHEDULED = "5eb03494b6584870a536b337290809b3";
    private static final String ID_UNIT_RESULT = "d9b373ed55a64feb8242e02dbe79a49c";
    private static final String ID_UNIT_FAILED = "be02cf6855d2428ba40df7e9d022f03d";
    private static final String ID_OUT_OF_MEMORY = "fe6faa94e7774663a0da52717891d8ef";
    private static final List<Pattern> UNIT_NAMING = List.of(UNIT_FIRST, UNIT_AFTER_VERB, UNIT_LAST);
    /**
     * klogd's and rsyslog's seconds since boot at the start of a kernel line, and after it the task
     * ({@code [    T0]}) or CPU ({@code [    C0]}) that printed it on kernels built with
     * CONFIG_PRINTK_CALLER (SLES 15): neither is part of the message the kernel patterns read.
     */
    private static final Pattern KERNEL_STAMP = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\](?:\\[\\s*[TC]\\d+\\])? ?");

    private final Set<String> knownUnits = new HashSet<>();
    /** Per manager pid (1, or a user manager's), the unit it last reported dead, and when. */
    private final Map<Long, Died> lastDied = new HashMap<>();

    private record Died(String unit, Instant at) {}

    /**
     * The event of one line, to which the caller adds its id (from the line's position in its
     * stream) and flags.
     *
     * @param continuation further lines of the same entry (journalctl's indented lines), or null
     * @param fallbackHost host of lines that name none
     */
    public Event.Builder toEvent(SyslogLine line, String continuation, String fallbackHost) {
        Objects.requireNonNull(line, "line");
        String host = line.host() != null ? line.host() : fallbackHost;
        String message = continuation == null ? line.message() : line.message() + "\n" + continuation;
        if ("kernel".equals(line.program())) {
            Matcher stamp = KERNEL_STAMP.matcher(message);
            return Event.builder(host, Source.KERNEL, line.ts(), stamp.find() ? message.substring(stamp.end()) : message)
                    .priority(line.priority())
                    .facility(line.facility());
        }
        Event.Builder b = Event.builder(host, Source.JOURNALD, line.ts(), message)
                .identifier(line.program())
                .comm(line.program())
                .pid(line.pid())
                .priority(line.priority() != null ? line.priority() : LineLevel.atStart(line.message()))
                .facility(line.facility());
        if ("systemd".equals(line.program())) {
            if (line.priority() == null && line.message().startsWith(FAILED_JOB)) {
                b.priority(LOG_ERR);
            }
            Map<String, String> fields = new HashMap<>(2);
            catalog(line.message(), b, fields);
            String unit = unitOfSystemdLine(line);
            if (unit != null) {
                remember(unit);
                b.unit(unit);
                if (line.pid() != null && line.pid() != 1) {
                    fields.put("USER_UNIT", unit);
                }
            }
            b.fields(fields);
        } else if (line.program() != null && UNIT_NAME.matcher(line.program()).matches()) {
            b.unit(line.program());
        } else if (line.program() != null && knownUnits.contains(line.program() + ".service")) {
            b.unit(line.program() + ".service");
        }
        return b;
    }

    /** The catalog id (and its fields) systemd gives {@code message} in the journal, when it is one of those. */
    private static void catalog(String message, Event.Builder b, Map<String, String> fields) {
        Matcher m = RESTART_SCHEDULED.matcher(message);
        if (m.find()) {
            b.messageId(ID_RESTART_SCHEDULED);
            fields.put("N_RESTARTS", m.group(1));
            return;
        }
        m = UNIT_RESULT.matcher(message);
        if (m.find()) {
            b.messageId(ID_UNIT_RESULT);
            fields.put("UNIT_RESULT", m.group(1));
        } else if (message.startsWith(FAILED_JOB)) {
            b.messageId(ID_UNIT_FAILED);
        } else if (message.endsWith(OOM_KILLED)) {
            b.messageId(ID_OUT_OF_MEMORY);
        }
    }

    private String unitOfSystemdLine(SyslogLine line) {
        Long manager = line.pid() == null ? 1L : line.pid();
        String named = unitNamedIn(line.message());
        if (named != null) {
            if (UNIT_DIED.matcher(line.message()).find() && (lastDied.size() < MAX_KNOWN_UNITS || lastDied.containsKey(manager))) {
                lastDied.put(manager, new Died(named, line.ts()));
            }
            return named;
        }
        Died died = lastDied.get(manager);
        if (died == null) {
            return null;
        }
        if (line.message().startsWith(RESTART_WITHOUT_UNIT)) {
            return died.unit();
        }
        boolean sameSecond = !line.ts().isAfter(died.at().plusSeconds(1));
        return line.message().startsWith(FAILED_JOB) && sameSecond ? died.unit() : null;
    }

    private void remember(String unit) {
        // only services run programs whose tag could name them; sessions and slices come and go by the thousand
        if (unit.endsWith(".service") && knownUnits.size() < MAX_KNOWN_UNITS) {
            knownUnits.add(unit);
        }
    }

    /** The unit a systemd message is about, when its text names it. */
    static String unitNamedIn(String message) {
        for (Pattern p : UNIT_NAMING) {
            Matcher m = p.matcher(message);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
