package dev.vigil.analyzer.cli;

import dev.vigil.analyzer.replay.InputFormat;
import dev.vigil.analyzer.replay.Replay;
import dev.vigil.analyzer.replay.ReplayInput;
import dev.vigil.shippers.file.BinaryContent;
import dev.vigil.shippers.file.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The files {@code vigil replay} is given, made ready for it. Replay reads a file more than once
 * (its format, its boot times, then its events), which a pipe cannot give: standard input
 * ({@code -}), {@code /dev/stdin} and {@code <(…)} are first copied to a scratch file, deleted on
 * {@link #close()}, and keep their own name as the stream's. What replay cannot read is refused
 * before anything runs, each with what to do instead: a folder, a missing or unreadable file, and
 * a file compressed with anything but gzip (gzip, logrotate's default, is read as its text). A
 * refused input costs only itself: the others are replayed, as {@code grep} and {@code cat} go on
 * past a file they cannot read, and the command says so and exits 2. A
 * systemd journal file, or a folder of them, is read through {@code journalctl -o json}, and JSON
 * that is not one object per line ({@code json-pretty}, {@code json-seq}, an array) made so, as
 * are the journal export format ({@code journalctl -o export}) and {@code journalctl -o verbose}.
 */
final class ReplayFiles implements AutoCloseable {
    /** The name a log read from standard input goes by: its stream's name in incidents. */
    static final String STDIN_NAME = "stdin";
    /** How a systemd journal file starts (its header's signature). */
    private static final byte[] JOURNAL_SIGNATURE = "LPKSHHRH".getBytes(StandardCharsets.US_ASCII);
    private static final String JOURNALCTL = "journalctl";
    /** Enough of a file's first bytes for the compressions' signatures and UTF-16's mark. */
    private static final int MAGIC_BYTES = 8;

    private final List<ReplayInput> inputs = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private Path scratch;

    /** A file replay cannot read, with the reason as the user should read it. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private ReplayFiles() {}

    /**
     * Checks and prepares {@code files} ({@code -} is {@code stdin}) to be read as {@code format}
     * (null: detected); {@code notes} hears what of an input could not be read. An input replay
     * cannot read is left out and named in {@link #refused()}; a failure to prepare one (the
     * scratch folder cannot be written) fails them all.
     */
    static ReplayFiles of(List<Path> files, InputFormat format, ZoneId zone, InputStream stdin, Consumer<String> notes)
            throws IOException {
        ReplayFiles ready = new ReplayFiles();
        try {
            boolean stdinTaken = false;
            for (Path f : files) {
                boolean dash = f.toString().equals("-");
                try {
                    if (dash && stdinTaken) {
                        throw new Refused("standard input (-) can be given once");
                    }
                    stdinTaken |= dash;
                    ready.inputs.add(ready.prepared(f, dash, format, zone, stdin, notes));
                } catch (Refused r) {
                    ready.refused.add(r.getMessage());
                }
            }
            return ready;
        } catch (IOException | RuntimeException e) {
            ready.close();
            throw e;
        }
    }

    /** The input replay reads for {@code f} (standard input when {@code dash}). */
    private ReplayInput prepared(Path f, boolean dash, InputFormat format, ZoneId zone, InputStream stdin, Consumer<String> notes)
            throws Refused, IOException {
        String name = dash ? STDIN_NAME : f.toString();
        Path journal = dash ? null : journalExport(f);
        if (journal != null) {
            return new ReplayInput(journal, InputFormat.JOURNAL_JSON, name, null, null, zone);
        }
        Path readable = dash ? spool(stdin) : readable(f);
        // refused as it is, before its text is read: a compression replay cannot open, UTF-16
        byte[] raw = head(readable, MAGIC_BYTES);
        Compression c = Compression.of(raw);
        String shown = dash ? "FILE" : f.toString();
        if (!c.readAsText()) {
            throw new Refused(f + " is compressed with " + c.tool() + "; replay reads plain and gzip files: "
                    + c.tool() + " -dc " + shown + " | vigil replay -");
        }
        if (isUtf16(raw)) {
            throw new Refused(f + " is UTF-16 text; replay reads UTF-8: iconv -f UTF-16 -t UTF-8 " + shown + " | vigil replay -");
        }
        byte[] text = Compression.head(readable, JsonLines.PEEK);
        if (BinaryContent.looksBinary(text)) {
            // wtmp, btmp, lastlog beside the logs of /var/log/*: read as text, their last "line" ends
            // without a newline and looks like a log cut mid-sentence
            throw new Refused(f + " holds binary data (control bytes in its first " + text.length
                    + " bytes); replay reads text logs, journal files and gzip");
        }
        if (JournalExportFormat.is(text)) {
            Path lines = scratchFile();
            JournalExportFormat.write(readable, name, lines, notes);
            return new ReplayInput(lines, InputFormat.JOURNAL_JSON, name, null, null, zone);
        }
        if (JournalVerboseFormat.is(text)) {
            Path lines = scratchFile();
            JournalVerboseFormat.write(readable, name, lines, notes);
            return new ReplayInput(lines, InputFormat.JOURNAL_JSON, name, null, null, zone);
        }
        if (JsonLines.needed(text)) {
            Path lines = scratchFile();
            JsonLines.write(readable, name, lines, notes);
            return new ReplayInput(lines, format, name, null, null, zone);
        }
        return new ReplayInput(readable, format, readable.equals(f) ? null : name, null, null, zone);
    }

    /** What replay reads, in the order given. */
    List<ReplayInput> inputs() {
        return List.copyOf(inputs);
    }

    /** Why each input left out was, in the order given; empty when every one is read. */
    List<String> refused() {
        return List.copyOf(refused);
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
        Path copy = scratchFile();
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /**
     * For a systemd journal file, or a folder of them ({@code /var/log/journal/MACHINE-ID} of a
     * host's disk), the export {@code journalctl -o json} writes of it, in a scratch file; null for
     * anything else.
     */
    private Path journalExport(Path f) throws Refused, IOException {
        String selection;
        if (Files.isDirectory(f)) {
            try (var files = Files.list(f)) {
                if (files.noneMatch(p -> p.getFileName().toString().matches(".*\\.journal~?"))) {
                    return null;
                }
            }
            selection = "--directory=" + f;
        } else if (Files.isRegularFile(f) && Files.isReadable(f)
                && Arrays.equals(head(f, JOURNAL_SIGNATURE.length), JOURNAL_SIGNATURE)) {
            selection = "--file=" + f;
        } else {
            return null;
        }
        Path export = scratchFile();
        Path errors = scratchFile();
        Process p;
        try {
            p = new ProcessBuilder(JOURNALCTL, selection, "--output=json", "--all", "--no-pager")
                    .redirectOutput(export.toFile()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new Refused(f + " is a systemd journal; reading it needs journalctl (Debian: apt-get install systemd), "
                    + "or replay its export: journalctl " + selection + " -o json > journal.json");
        }
        try {
            if (p.waitFor() != 0) {
                throw new Refused("journalctl could not read " + f + ": " + Files.readString(errors).strip());
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while journalctl read " + f, e);
        }
        return export;
    }

    /** True for a file that starts with a UTF-16 byte order mark (a Windows tool's export). */
    private static boolean isUtf16(byte[] head) {
        return head.length >= 2 && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
                || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff);
    }

    /** The first {@code n} bytes of {@code f} as they are on disk (fewer in a shorter file). */
    private static byte[] head(Path f, int n) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return in.readNBytes(n);
        }
    }

    private Path scratchFile() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("vigil-replay-input");
        }
        return Files.createTempFile(scratch, "input-", "");
    }

    @Override
    public void close() {
        if (scratch != null) {
            Replay.deleteScratch(scratch);
        }
    }
}
