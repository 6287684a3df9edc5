package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.replay.InputFormat;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.patterns.library.PatternFiles;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code vigil replay}: the analyzer's topology over saved logs, offline. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        header = "Run the analyzer over saved logs offline; print the last state of each incident as JSON lines.",
        description = {
            "Reads journalctl -o json exports, /dev/kmsg dumps, dmesg text (with or without -T), syslog files "
                    + "(/var/log/syslog, messages, kern.log: RFC 3164, RFC 3339, RFC 5424), journalctl -o short* exports, "
                    + "Vigil event JSON lines, container logs (Kubernetes CRI, Docker json-file) "
                    + "and plain app logs (each file's format is detected from its first line), "
                    + "merges them in time order and runs the same topology as the live analyzer, measuring time on "
                    + "the events' own clock. A gzip file is read as its text, a systemd journal file or folder of them through journalctl; "
                    + "- reads standard input. A file replay cannot read is named and left out, the others replayed; "
                    + "the exit status is then 2."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Saved logs to replay (- for standard input).")
    List<Path> files;

    private final InputStream stdin;

    ReplayCommand() {
        this(System.in);
    }

    /** Reads {@code -} from {@code stdin}. */
    ReplayCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Option(names = "--host", paramLabel = "NAME",
            description = "Host of kernel logs and app logs (default: the journals' host, else localhost); "
                    + "syslog lines name their own.")
    String host;

    @Option(names = "--boot-time", paramLabel = "ISO-8601",
            description = "When the host booted, for kernel logs whose boot is not in a replayed journal (e.g. 2026-02-02T07:41:09Z).")
    Instant bootTime;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Format of every FILE, instead of detecting it: journal-json, event-json, kmsg, dmesg, "
                    + "syslog, text, cri or docker-json.")
    InputFormat format;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Zone of stamps that carry none (e.g. Europe/Berlin); default: this machine's zone for "
                    + "syslog files and dmesg -T, UTC for app logs.")
    ZoneId zone;

    @Mixin
    PatternOptions patterns;

    @Option(names = "--json", description = "Accepted for symmetry with the other commands: replay always prints JSON lines.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Replay.Result result;
        List<String> refused;
        int read;
        try (ReplayFiles inputs = ReplayFiles.of(files, format, zone, stdin, note -> err.println("vigil: " + note))) {
            refused = inputs.refused();
            refused.forEach(reason -> err.println("vigil: error: " + reason));
            err.flush();
            read = inputs.inputs().size();
            if (read == 0) {
                return 2;
            }
            Replay replay = new Replay(PatternFiles.load(patterns.paths), line -> {
                err.println("vigil: " + line);
                err.flush();
            });
            result = replay.run(inputs.inputs(), new Replay.Options(host, bootTime));
        }
        for (Incident i : result.incidents()) {
            out.println(IncidentJson.toJson(i));
        }
        out.flush();
        String from = refused.isEmpty() ? files.size() + " file(s)"
                : read + " of " + files.size() + " file(s), " + refused.size() + " refused (above)";
        err.println("vigil: replayed " + result.events() + " events from " + from + ": " + result.incidents().size()
                + " incident(s)");
        err.flush();
        return refused.isEmpty() ? 0 : 2;
    }

    /** Reads {@code --format} as scenario files spell it ({@code journal-json}). */
    static final class FormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            try {
                return InputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown format '" + value
                        + "', expected journal-json, event-json, kmsg, dmesg, syslog, text, cri or docker-json");
            }
        }
    }
}
