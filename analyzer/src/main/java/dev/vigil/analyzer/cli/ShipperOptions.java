package dev.vigil.analyzer.cli;

import dev.vigil.shippers.ShipperConfig;
import dev.vigil.shippers.ShipperConfigFile;
import dev.vigil.shippers.file.FileInput;
import dev.vigil.shippers.file.FileSelection;
import dev.vigil.shippers.file.FileTailConfig;
import dev.vigil.shippers.filter.DropRule;
import dev.vigil.shippers.filter.FilterConfig;
import dev.vigil.shippers.filter.Levels;
import dev.vigil.shippers.filter.NameGlob;
import dev.vigil.shippers.filter.RateLimit;
import dev.vigil.shippers.journald.JournalFilter;
import dev.vigil.shippers.journald.JournaldSourceConfig;
import dev.vigil.shippers.kmsg.KmsgSourceConfig;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** What the shipper reads on this host. */
final class ShipperOptions {
    @Option(names = "--host", paramLabel = "NAME", description = "Host name put on events (default: this machine's name).")
    String host;

    @Option(names = "--file", paramLabel = "PATH|GLOB",
            description = "Application log to follow; repeat for more (globs such as /var/log/app/*.log pick up new files), "
                    + "with the options of a config file's file = line, e.g. '/var/log/app/*.log multiline.start=^\\d{4}-'. "
                    + "A syslog file (/var/log/syslog, messages, kern.log) is recognised by its first line and read as "
                    + "kernel and journald events.")
    List<String> files = new ArrayList<>();

    @Option(names = "--no-multiline",
            description = "Ship every line of the --file logs as its own event: no joining of stack traces or, in a stamped log, of lines without a stamp.")
    boolean noMultiline;

    @Option(names = "--follow-symlinks",
            description = "Follow a symbolic link a --file glob matches, when it points to a file inside the folders "
                    + "the globs name (default: links are skipped with a warning).")
    boolean followSymlinks;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Never open a file this glob matches (e.g. /var/log/app/*.gz); repeat for more.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--ignore-older", paramLabel = "DURATION",
            description = "Do not open a --file log not modified for this long (e.g. 2d); one already open is read on.")
    String ignoreOlder;

    @Option(names = "--max-open-files", paramLabel = "N",
            description = "Keep at most N --file logs open; more wait until open ones are rotated away and forgotten "
                    + "(default: no cap).")
    Integer maxOpenFiles;

    @Option(names = "--drop", paramLabel = "RULE",
            description = "Drop events before they are sent: 'source=S unit=GLOB level=L,L regex=RE2' (the conditions "
                    + "given must all hold; regex= last). Repeat for more rules.")
    List<String> drops = new ArrayList<>();

    @Option(names = "--rate-limit", paramLabel = "N/INTERVAL",
            description = "At most N events per interval for each source and unit, e.g. '1000/1s' or '1000/1s burst=5000'; "
                    + "what goes over is dropped and counted in an events_dropped event.")
    String rateLimit;

    @Option(names = "--journal-unit", paramLabel = "GLOB",
            description = "Read only these units of the journal (journalctl --unit, globs allowed); repeat for more.")
    List<String> journalUnits = new ArrayList<>();

    @Option(names = "--journal-exclude-unit", paramLabel = "GLOB",
            description = "Do not ship the journal entries of these units (globs); repeat for more.")
    List<String> journalExcludeUnits = new ArrayList<>();

    @Option(names = "--journal-priority", paramLabel = "LEVEL",
            description = "Read journal entries of this priority or more important (emerg .. debug, or 0-7).")
    String journalPriority;

    @Option(names = "--journal-match", paramLabel = "FIELD=VALUE",
            description = "Read journal entries with this field value (journalctl match); repeat for more.")
    List<String> journalMatches = new ArrayList<>();

    @Option(names = "--journal-current-boot", description = "Read the journal of the current boot only.")
    boolean journalCurrentBoot;

    @Option(names = "--no-journald", description = "Do not read the systemd journal.")
    boolean noJournald;

    @Option(names = "--journal-directory", paramLabel = "DIR", description = "Read the journal files in DIR instead of the system journal.")
    Path journalDirectory;

    @Option(names = "--first-start", paramLabel = "DURATION|all",
            description = "On a first start (no saved position), ship this last stretch of the journal and of the "
                    + "kernel ring buffer, or 'all' (default: 1h; a --journal-directory is read whole).")
    String firstStart;

    @Option(names = "--no-kmsg", description = "Do not read kernel messages (/dev/kmsg).")
    boolean noKmsg;

    /** The shipper's settings for Kafka at {@code bootstrap}, positions kept under {@code stateDir}. */
    ShipperConfig config(String bootstrap, Path stateDir, Map<String, String> clientProperties) {
        List<FileInput> inputs = new ArrayList<>();
        for (String f : files) {
            String glob = f.trim().split("\\s+", 2)[0];
            String absolute = glob.startsWith("/") ? f.trim() : Path.of(glob).toAbsolutePath().normalize()
                    + f.trim().substring(glob.length());
            FileInput input = ShipperConfigFile.parseFileInput(absolute);
            inputs.add(noMultiline ? new FileInput(input.glob(), false, input.format(), input.pattern()) : input);
        }
        JournaldSourceConfig journald = noJournald ? JournaldSourceConfig.disabled() : JournaldSourceConfig.defaults();
        if (!noJournald && journalDirectory != null) {
            journald = new JournaldSourceConfig(true, journald.journalctl(), journalDirectory.toAbsolutePath(), List.of());
        }
        KmsgSourceConfig kmsg = noKmsg ? KmsgSourceConfig.disabled() : KmsgSourceConfig.defaults();
        if (journald.enabled()) {
            journald = journald.withFilter(journalFilter());
        }
        if (firstStart != null) {
            Duration lookBack = ShipperConfigFile.parseLookBack("--first-start", firstStart);
            journald = journald.withFirstStartLookBack(lookBack);
            kmsg = kmsg.withFirstStartLookBack(lookBack);
        }
        return ShipperConfig.defaults(hostName(), stateDir, bootstrap)
                .withJournald(journald)
                .withKmsg(kmsg)
                .withFiles(FileTailConfig.defaults(inputs).withFollowSymlinks(followSymlinks).withSelection(selection()))
                .withFilter(new FilterConfig(DropRule.parseAll(drops), rateLimit == null ? null : RateLimit.parse(rateLimit)))
                .withKafkaOverrides(clientProperties);
    }

    JournalFilter journalFilter() {
        return new JournalFilter(journalUnits, journalExcludeUnits.stream().map(NameGlob::new).toList(),
                journalPriority == null ? null : Levels.parse(journalPriority),
                journalMatches.stream().map(JournalFilter::match).toList(), journalCurrentBoot);
    }

    FileSelection selection() {
        List<String> absolute = excludes.stream()
                .map(g -> g.startsWith("/") ? g : Path.of(g).toAbsolutePath().normalize().toString()).toList();
        return new FileSelection(absolute,
                ignoreOlder == null ? null : ShipperConfigFile.parseDuration("--ignore-older", ignoreOlder),
                maxOpenFiles == null ? 0 : maxOpenFiles);
    }

    String hostName() {
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String name = Files.readString(etc).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
