package dev.vigil.shippers.journald;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes journal entries in the journal export format and turns them into a real {@code .journal}
 * file with {@code systemd-journal-remote} (Debian package {@code systemd-journal-remote}, installed
 * by the tests when missing; they are skipped, saying so, only when it cannot be installed).
 * Format: https://systemd.io/JOURNAL_EXPORT_FORMATS/
 */
public final class JournalExportFile {
    public static final Path JOURNAL_REMOTE = Path.of("/lib/systemd/systemd-journal-remote");
    public static final Path JOURNALCTL = Path.of("/usr/bin/journalctl");

    private final ByteArrayOutputStream export = new ByteArrayOutputStream();
    private final List<byte[]> pending = new ArrayList<>();

    private static boolean installTried;

    /**
     * Skips the calling test unless the journal tools are there; on a machine where they are not,
     * installs them first (Debian package, as root), so a fresh machine runs these tests too.
     */
    public static synchronized void assumeToolsInstalled() {
        if (!toolsInstalled() && !installTried) {
            installTried = true;
            install();
        }
        assumeTrue(toolsInstalled(), "skipped: needs " + JOURNAL_REMOTE + " and " + JOURNALCTL
                + " and could not install them (apt-get install -y systemd-journal-remote)");
    }

    private static boolean toolsInstalled() {
        return Files.isExecutable(JOURNAL_REMOTE) && Files.isExecutable(JOURNALCTL);
    }

    private static void install() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return;
        }
        run("apt-get", "update", "-qq");
        run("apt-get", "install", "-y", "-qq", "systemd-journal-remote");
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // not installable here: the assumption below skips with the reason
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts entry number {@code n} of a test journal: realtime stamp {@code n} ms after
     * 2026-03-14T02:11:07Z, monotonic stamp {@code 1000 + n}, and the boot id.
     */
    public JournalExportFile numberedEntry(int n, String bootId) {
        return field("__REALTIME_TIMESTAMP", Long.toString(1773454267000000L + n * 1000L))
                .field("__MONOTONIC_TIMESTAMP", Long.toString(1000L + n))
                .field("_BOOT_ID", bootId);
    }

    /** Adds a text field to the entry being written. */
    public JournalExportFile field(String name, String value) {
        return field(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a field; binary form when the value has a newline or is not ASCII. */
    public JournalExportFile field(String name, byte[] value) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        byte[] key = name.getBytes(StandardCharsets.US_ASCII);
        if (isPlain(value)) {
            f.writeBytes(key);
            f.write('=');
            f.writeBytes(value);
        } else {
            f.writeBytes(key);
            f.write('\n');
            f.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value.length).array());
            f.writeBytes(value);
        }
        f.write('\n');
        pending.add(f.toByteArray());
        return this;
    }

    /** Ends the entry being written. */
    public JournalExportFile endEntry() {
        pending.forEach(export::writeBytes);
        export.write('\n');
        pending.clear();
        return this;
    }

    /** Converts what was written into {@code target} (name ending in {@code .journal}). */
    public Path writeJournal(Path target) throws IOException, InterruptedException {
        Path exportFile = target.resolveSibling(target.getFileName() + ".export");
        Files.write(exportFile, export.toByteArray());
        Process p = new ProcessBuilder(JOURNAL_REMOTE.toString(), "--output=" + target, exportFile.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("systemd-journal-remote failed: " + out);
        }
        return target;
    }

    private static boolean isPlain(byte[] value) {
        for (byte b : value) {
            if (b == '\n' || b < 0) {
                return false;
            }
        }
        return true;
    }
}
