package dev.vigil.analyzer.replay;

import dev.vigil.patterns.event.Event;
import dev.vigil.patterns.event.EventIds;
import dev.vigil.patterns.event.Source;
import dev.vigil.shippers.kmsg.BootClock;
import dev.vigil.shippers.kmsg.DmesgTextParser;
import dev.vigil.shippers.syslog.SyslogEventMapper;
import dev.vigil.shippers.syslog.SyslogLine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dmesg} text, with seconds-since-boot, {@code -T}, ISO or {@code -H} stamps; systemd's own lines
 * in it (and other programs' in a console log) are journald events, as they would have been had journald
 * taken them ({@link #PROGRAM}).
 * Wall-clock ({@code -T}, ISO) and {@code -H} output ({@link ReltimeClock}) need no boot clock; lines
 * with seconds since boot then cannot be placed and are skipped.
 */
final class DmesgReader extends LineReader {
    /**
     * A program's line: systemd and its daemons write to the kernel's ring when journald cannot take
     * their lines (early boot, journald restarting): {@code systemd[1]: foo.service: Main process exited, …};
     * and journald's ForwardToConsole writes every line to the console as {@code ident[pid]: }, so a
     * saved console log holds them all, a nested manager's under its unit's name
     * ({@code host-containers@admin[1168]: serial-getty@ttyS0.service has no holdoff time, …}).
     * Such a line is the program's, not the kernel's (dmesg -x names its facility, which then decides);
     * the kernel itself starts a line so only to report a fault of that process ({@link #KERNEL_REPORT}).
     */
    private static final Pattern PROGRAM = Pattern.compile("([\\w.@+-]+)\\[(\\d{1,10})\\]: ");
    /**
     * The kernel names a process the same way when it reports a fault of it, and such a line about
     * systemd is the kernel's: x86's and sparc's {@code systemd[1]: segfault at …}, powerpc's
     * {@code systemd[1]: segfault (11) at 0 nip …} (signame(): also bus error, floating point
     * exception, illegal instruction, unhandled trap, unknown signal) and its {@code code: } line,
     * arm64's and RISC-V's {@code unhandled …}, mm's {@code memfd_create() called without MFD_EXEC …}.
     * systemd's own lines name a unit or start with a capital ({@code Started …}, {@code Caught <SEGV> …}).
     */
    private static final Pattern KERNEL_REPORT = Pattern.compile("(?:segfault|bus error|floating point exception"
            + "|illegal instruction|unhandled|unknown signal)\\b|code: |memfd_create\\(\\) called");

    private final String host;
    private final String bootId;
    private final DmesgTextParser parser;
    private LineSource.Line lookahead;
    /** The stamp of {@code lookahead}, read when it ended the record before; null for a line without one. */
    private DmesgTextParser.DmesgLine lookaheadStamp;
    private final Path path;
    private final ZoneId zone;
    /** The clock of {@code dmesg -H} lines, made at the first. */
    private ReltimeClock reltime;
    /** Maps programs' lines as a syslog file's, naming the units systemd's are about. */
    private final SyslogEventMapper programs = new SyslogEventMapper();

    /** @param boot the boot the output comes from; null when unknown (wall-clock stamps only) */
    DmesgReader(Path path, String host, BootClock boot, ZoneId zone, BadRecords bad) throws IOException {
        super(path, bad);
        this.host = host;
        this.path = path;
        this.zone = zone;
        this.bootId = boot == null ? "unknown" : boot.bootId();
        this.parser = new DmesgTextParser(boot == null ? null : boot.bootedAt(), zone);
    }

    /**
     * True when the file's first stamped line has a {@code dmesg -T} or ISO wall-clock stamp, or
     * {@code dmesg -H}'s minute or seconds since the line before, which need no boot either.
     */
    static boolean hasWallClockStamps(Path path, ZoneId zone) throws IOException {
        DmesgTextParser shape = new DmesgTextParser(null, zone);
        try (LineSource scan = new LineSource(path)) {
            LineSource.Line line;
            for (int i = 0; i < TextHead.FIRST_STAMP_SEARCH && (line = scan.next()) != null; i++) {
                if (shape.parse(line.text()).isPresent() || DmesgTextParser.parseReltime(line.text()).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Event next() throws IOException {
        return EventReader.untilEvent(this::read, () -> lookahead != null);
    }

    /** The next record, or null at the end or when the next record is skipped (then {@code lookahead} is set). */
    private Event read() throws IOException {
        LineSource.Line line = lookahead != null ? lookahead : lines.next();
        DmesgTextParser.DmesgLine d = lookahead != null ? lookaheadStamp : stamped(line);
        lookahead = null;
        lookaheadStamp = null;
        while (line != null && d == null) {
            if (!line.text().isBlank()) {
                bad.skip(line.number(), "not a dmesg line (text before the first stamped line belongs to no record)");
            }
            line = lines.next();
            d = stamped(line);
        }
        if (line == null) {
            return null;
        }
        long offset = line.offset();
        StringBuilder message = new StringBuilder(d.message());
        // dmesg prints the continuation lines of a multi-line record (Mem-Info, call traces) unstamped
        LineSource.Line next;
        DmesgTextParser.DmesgLine nextStamp = null;
        while ((next = lines.next()) != null && !next.text().isBlank() && (nextStamp = stamped(next)) == null) {
            if (message.length() + next.text().length() < LineSource.MAX_LINE_BYTES) {
                message.append('\n').append(next.text().strip());
            }
        }
        lookahead = next;
        lookaheadStamp = nextStamp;
        if (!bad.admits(d.ts(), line.number())) {
            return null;
        }
        Matcher program = d.facility() != null && d.facility() == 0 ? null : PROGRAM.matcher(message);
        if (program != null && program.lookingAt() && !aboutProcess(message, program.end())) {
            // the program's own line, written to the ring or the console because journald did not take it or forwarded it
            SyslogLine own = new SyslogLine(d.ts(), host, program.group(1), Long.parseLong(program.group(2)), d.facility(),
                    d.priority(), message.substring(program.end()));
            return programs.toEvent(own, null, host)
                    .id(EventIds.of(host, Source.KERNEL, bootId, "dmesg@" + offset))
                    .bootId(bootId)
                    .build();
        }
        return Event.builder(host, Source.KERNEL, d.ts(), message.toString())
                .id(EventIds.of(host, Source.KERNEL, bootId, "dmesg@" + offset))
                .priority(d.priority())
                .facility(d.facility())
                .bootId(bootId)
                .build();
    }

    /** True when the message after the process's {@code comm[pid]: } at {@code from} is the kernel's report about it. */
    private static boolean aboutProcess(CharSequence message, int from) {
        return KERNEL_REPORT.matcher(message).region(from, message.length()).lookingAt();
    }

    /**
     * The stamp and message of a line that starts a record; null for a continuation line, other text
     * or the end. Each line is read once: a {@code dmesg -H} line moves the clock on.
     */
    private DmesgTextParser.DmesgLine stamped(LineSource.Line line) throws IOException {
        if (line == null || line.text().isBlank()) {
            return null;
        }
        Optional<DmesgTextParser.DmesgLine> parsed = parser.parse(line.text());
        if (parsed.isPresent()) {
            return parsed.get();
        }
        Optional<DmesgTextParser.ReltimeLine> relative = DmesgTextParser.parseReltime(line.text());
        if (relative.isEmpty()) {
            return null;
        }
        if (reltime == null) {
            reltime = ReltimeClock.of(path, zone);
        }
        DmesgTextParser.ReltimeLine r = relative.get();
        return new DmesgTextParser.DmesgLine(reltime.at(r), r.message(), r.facility(), r.priority());
    }
}
