package dev.vigil.shippers.file;

import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.SourceMetrics;
import dev.vigil.shippers.syslog.SyslogLineParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the files matching the configured paths and globs: picks up new files, follows renames
 * (reading a rotated file to its end before forgetting it), notices copytruncate, and ships every
 * line once Kafka can take it. Files are told apart by device and inode, never by path.
 */
public final class FileTailer implements Runnable, Closeable {
    private static final Logger log = LoggerFactory.getLogger(FileTailer.class);

    private final FileTailConfig config;
    private final TailContext ctx;
    private final List<Glob> globs;
    private final Map<FileIdentity.Inode, TailedFile> tracked = new LinkedHashMap<>();
    private final Object wakeUp = new Object();
    private volatile boolean closed;

    public FileTailer(String host, FileTailConfig config, EventShipper shipper, SourceMetrics metrics, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.ctx = new TailContext(host, config, shipper, metrics, clock, new LineTimestampParser(config.zone()),
                new SyslogLineParser(config.zone()));
        this.globs = config.inputs().stream().map(Glob::new).toList();
    }

    @Override
    public void run() {
        log.info("File tailer started inputs={}", config.inputs());
        try {
            while (!closed) {
                poll();
                synchronized (wakeUp) {
                    if (!closed) {
                        wakeUp.wait(config.pollInterval().toMillis());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeFiles();
        }
    }

    /** One round: find files, read each, forget those gone for good. */
    public synchronized void poll() throws InterruptedException {
        Map<Path, FileInput> found = discover();
        Map<FileIdentity.Inode, Path> byInode = new HashMap<>();
        found.forEach((path, input) -> inodeOf(path).ifPresent(inode -> byInode.put(inode, path)));
        noticeMovedFiles(byInode);
        openNewFiles(byInode, found);
        readAll();
    }

    private void noticeMovedFiles(Map<FileIdentity.Inode, Path> byInode) throws InterruptedException {
        for (TailedFile f : tracked.values()) {
            Path now = byInode.get(f.inode());
            if (f.path().equals(now)) {
                continue;
            }
            Path old = f.path();
            Optional<FileIdentity.Inode> atOldPath = inodeOf(old);
            if (now != null) {
                f.renamedTo(now);
                if (atOldPath.isPresent()) {
                    f.leftPath("file_rotated", "renamed to " + now);
                }
            } else if (atOldPath.isPresent()) {
                f.leftPath("file_rotated", "replaced by inode " + atOldPath.get().ino());
            } else {
                f.leftPath("file_deleted", "path no longer exists");
            }
        }
    }

    private void openNewFiles(Map<FileIdentity.Inode, Path> byInode, Map<Path, FileInput> found)
            throws InterruptedException {
        for (Map.Entry<FileIdentity.Inode, Path> e : byInode.entrySet()) {
            if (tracked.containsKey(e.getKey())) {
                continue;
            }
            try {
                tracked.put(e.getKey(), TailedFile.open(ctx, e.getValue(), e.getKey(), found.get(e.getValue())));
                log.info("Tailing file file={} dev={} ino={}", e.getValue(), e.getKey().dev(), e.getKey().ino());
            } catch (NoSuchFileException gone) {
                log.debug("File vanished before it was opened file={}", e.getValue());
            } catch (IOException ex) {
                ctx.metrics().recordError();
                log.warn("Cannot open file file={} reason=\"{}\"", e.getValue(), ex.getMessage());
            }
        }
    }

    private void readAll() throws InterruptedException {
        Instant now = ctx.clock().instant();
        long lag = 0;
        for (Iterator<TailedFile> it = tracked.values().iterator(); it.hasNext(); ) {
            TailedFile f = it.next();
            try {
                f.poll();
                lag += f.unshippedBytes();
                if (f.isForgettable(now)) {
                    log.info("Forgetting file that left its path file={}", f.path());
                    f.forget();
                    f.close();
                    it.remove();
                }
            } catch (IOException e) {
                ctx.metrics().recordError();
                log.warn("Cannot read file file={} reason=\"{}\"", f.path(), e.getMessage());
            }
        }
        ctx.metrics().recordLagBytes(lag);
    }

    private static Optional<FileIdentity.Inode> inodeOf(Path path) {
        try {
            return Optional.of(FileIdentity.Inode.of(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Map<Path, FileInput> discover() {
        Map<Path, FileInput> found = new LinkedHashMap<>();
        for (Glob g : globs) {
            g.matches().forEach(p -> found.putIfAbsent(p, g.input));
        }
        return found;
    }

    /** Number of files open now. */
    public synchronized int trackedFiles() {
        return tracked.size();
    }

    /**
     * Stops tailing. Returns at once: a round blocked on a full in-flight limit ends when its thread
     * is interrupted, and the thread closes the files on its way out.
     */
    @Override
    public void close() {
        closed = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private synchronized void closeFiles() {
        for (TailedFile f : tracked.values()) {
            try {
                f.close();
            } catch (IOException e) {
                log.debug("Closing file failed file={} reason=\"{}\"", f.path(), e.getMessage());
            }
        }
        tracked.clear();
    }

    /** A configured path or glob, walked from its longest literal folder. */
    private static final class Glob {
        private final FileInput input;
        private final PathMatcher matcher;
        private final Path base;
        private final int depth;

        Glob(FileInput input) {
            this.input = input;
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + input.glob());
            List<String> literal = new ArrayList<>();
            String[] parts = input.glob().substring(1).split("/");
            int i = 0;
            while (i < parts.length - 1 && !hasGlobChars(parts[i])) {
                literal.add(parts[i]);
                i++;
            }
            this.base = Path.of("/", literal.toArray(String[]::new));
            this.depth = input.glob().contains("**") ? Integer.MAX_VALUE : parts.length - i;
        }

        private static boolean hasGlobChars(String part) {
            return part.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
        }

        List<Path> matches() {
            if (!Files.isDirectory(base)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(base, depth)) {
                return walk.filter(matcher::matches).filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                log.debug("Cannot list folder folder={} reason=\"{}\"", base, e.getMessage());
                return List.of();
            }
        }
    }
}
