package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.replay.InputFormat;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ReplayInput;
import dev.vigil.shippers.file.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The files {@code vigil replay} is given, made ready for it. Replay reads a file more than once
 * (its format, its boot times, then its events), which a pipe cannot give: standard input
 * ({@code -}), {@code /dev/stdin} and {@code <(…)} are first copied to a scratch file, deleted on
 * {@link #close()}, and keep their own name as the stream's. What replay cannot read is refused
 * before anything runs, each with what to do instead: a folder, a missing or unreadable file, and
 * a file compressed with anything but gzip (gzip, logrotate's default, is read as its text).
 */
final class ReplayFiles implements AutoCloseable {
    /** The name a log read from standard input goes by: its stream's name in incidents. */
    static final String STDIN_NAME = "stdin";

    private final List<ReplayInput> inputs = new ArrayList<>();
    private Path scratch;

    /** A file replay cannot read, with the reason as the user should read it. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private ReplayFiles() {}

    /** Checks and prepares {@code files} ({@code -} is {@code stdin}) to be read as {@code format} (null: detected). */
    static ReplayFiles of(List<Path> files, InputFormat format, ZoneId zone, InputStream stdin) throws Refused, IOException {
        ReplayFiles ready = new ReplayFiles();
        try {
            boolean stdinTaken = false;
            for (Path f : files) {
                boolean dash = f.toString().equals("-");
                if (dash && stdinTaken) {
                    throw new Refused("standard input (-) can be given once");
                }
                stdinTaken |= dash;
                Path readable = dash ? ready.spool(stdin) : ready.readable(f);
                Compression c = Compression.of(readable);
                if (c != Compression.NONE && c != Compression.GZIP) {
                    throw new Refused(f + " is compressed with " + c.tool() + "; replay reads plain and gzip files: "
                            + c.tool() + " -dc " + (dash ? "FILE" : f) + " | vigil replay -");
                }
                String name = dash ? STDIN_NAME : readable.equals(f) ? null : f.toString();
                ready.inputs.add(new ReplayInput(readable, format, name, null, null, zone));
            }
            return ready;
        } catch (Refused | IOException | RuntimeException e) {
            ready.close();
            throw e;
        }
    }

    /** What replay reads, in the order given. */
    List<ReplayInput> inputs() {
        return List.copyOf(inputs);
    }

    /** {@code f} itself when it is a regular file; a pipe or device copied to a scratch file. */
    private Path readable(Path f) throws Refused, IOException {
        if (Files.isDirectory(f)) {
            throw new Refused(f + " is a folder; name the log files in it (e.g. " + f.resolve("*.log") + ")");
        }
        if (!Files.exists(f)) {
            throw new Refused("cannot read " + f + ": no such file");
        }
        if (!Files.isReadable(f)) {
            throw new Refused("cannot read " + f + ": permission denied");
        }
        if (Files.isRegularFile(f)) {
            return f;
        }
        try (InputStream in = Files.newInputStream(f)) {
            return spool(in);
        }
    }

    private Path spool(InputStream in) throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("vigil-replay-input");
        }
        Path copy = scratch.resolve("input-" + inputs.size());
        Files.copy(in, copy);
        return copy;
    }

    @Override
    public void close() {
        if (scratch != null) {
            Replay.deleteScratch(scratch);
        }
    }
}
