package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.incident.Incident;
import dev.vigil.analyzer.incident.IncidentJson;
import dev.vigil.analyzer.replay.InputFormat;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ReplayInput;
import dev.vigil.patterns.library.PatternFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
                    + "Vigil event JSON lines and plain app logs (each file's format is detected from its first line), "
                    + "merges them in time order and runs the same topology as the live analyzer, measuring time on "
                    + "the events' own clock."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Saved logs to replay.")
    List<Path> files;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Host of kernel logs and app logs (default: the journals' host, else localhost); "
                    + "syslog lines name their own.")
    String host;

    @Option(names = "--boot-time", paramLabel = "ISO-8601",
            description = "When the host booted, for kernel logs whose boot is not in a replayed journal (e.g. 2026-02-02T07:41:09Z).")
    Instant bootTime;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Format of every FILE, instead of detecting it: journal-json, event-json, kmsg, dmesg, "
                    + "syslog or text.")
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
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                err.println("vigil: error: cannot read " + f);
                return 2;
            }
        }
        Replay replay = new Replay(PatternFiles.load(patterns.paths), line -> {
            err.println("vigil: " + line);
            err.flush();
        });
        List<ReplayInput> inputs = files.stream()
                .map(f -> new ReplayInput(f, format, null, null, null, zone))
                .toList();
        Replay.Result result = replay.run(inputs, new Replay.Options(host, bootTime));
        for (Incident i : result.incidents()) {
            out.println(IncidentJson.toJson(i));
        }
        out.flush();
        err.println("vigil: replayed " + result.events() + " events from " + files.size() + " file(s): "
                + result.incidents().size() + " incident(s)");
        err.flush();
        return 0;
    }

    /** Reads {@code --format} as scenario files spell it ({@code journal-json}). */
    static final class FormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            try {
                return InputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown format '" + value
                        + "', expected journal-json, event-json, kmsg, dmesg, syslog or text");
            }
        }
    }
}
