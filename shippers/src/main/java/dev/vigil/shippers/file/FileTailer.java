package dev.vigil.shippers.file;

import dev.vigil.shippers.produce.EventShipper;
import dev.vigil.shippers.produce.SourceMetrics;
import dev.vigil.shippers.syslog.SyslogLineParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the files matching the configured paths and globs: picks up new files, follows renames
 * (reading a rotated file to its end before forgetting it), notices copytruncate, and ships every
 * line once Kafka can take it. Files are told apart by device and inode, never by path.
 *
 * <p>A symbolic link is not followed unless {@link FileTailConfig#followSymlinks()} says so, and
 * then only to a file inside the folders the globs name: a root shipper tailing
 * {@code /var/log/app/*.log} must not ship {@code /etc/shadow} because someone linked it there.
 * A file that cannot be opened or a folder that cannot be listed is reported once with its
 * reason, again when the reason changes, and once when it clears.
 */
public final class FileTailer implements Runnable, Closeable {
    private static final Logger log = LoggerFactory.getLogger(FileTailer.class);

    private final FileTailConfig config;
    private final TailContext ctx;
    private final List<Glob> globs;
    private final Map<FileIdentity.Inode, TailedFile> tracked = new LinkedHashMap<>();
    private final MovedFiles moved = new MovedFiles(FileTailer::inodeOf);
    private final Object wakeUp = new Object();
    private final Opener opener;
    private final PathProblems fileProblems = new PathProblems(log);
    private final PathProblems folderProblems = new PathProblems(log);
    private final List<PathMatcher> excludes;
    private final NonTextFiles nonText = new NonTextFiles();
    private boolean capWarned;
    /** The files open at the end of the last round, for the size sampler. */
    private volatile List<TailedFile> open = List.of();
    private volatile boolean closed;

    public FileTailer(String host, FileTailConfig config, EventShipper shipper, SourceMetrics metrics, Clock clock) {
        this(host, config, shipper, metrics, clock, TailedFile::open);
    }

    /** As the public constructor, opening files through {@code opener}; tests make opening fail with it. */
    FileTailer(String host, FileTailConfig config, EventShipper shipper, SourceMetrics metrics, Clock clock,
            Opener opener) {
        this.config = Objects.requireNonNull(config, "config");
        this.ctx = new TailContext(host, config, shipper, metrics, clock, new SyslogLineParser(config.zone()));
        this.globs = config.inputs().stream().map(Glob::new).toList();
        this.opener = Objects.requireNonNull(opener, "opener");
        this.excludes = config.selection().excludeMatchers();
    }

    /** Opens a file for tailing; the seam where opening can fail. */
    @FunctionalInterface
    interface Opener {
        TailedFile open(TailContext ctx, Path path, FileIdentity.Inode inode, FileInput input)
                throws IOException, InterruptedException;
    }

    @Override
    public void run() {
        log.info("File tailer started inputs={}", config.inputs());
        Thread sampler = new Thread(this::sampleSizes, "vigil-file-sizes");
        sampler.setDaemon(true);
        sampler.start();
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
        moved.notice(tracked.values(), byInode);
        openNewFiles(byInode, found);
        readAll();
        fileProblems.endPoll("file");
        folderProblems.endPoll("folder");
        open = List.copyOf(tracked.values());
    }

    /**
     * Notes each open file's size every poll interval, also while a round waits for Kafka: how far
     * behind the files are stays current in heartbeats, and a rotation that cuts unread lines
     * then is counted ({@link SourceMetrics#recordRotatedUnread}).
     */
    private void sampleSizes() {
        try {
            while (!closed) {
                long lag = 0;
                for (TailedFile f : open) {
                    lag += f.noteSize();
                }
                ctx.metrics().recordLagBytes(lag);
                synchronized (wakeUp) {
                    if (!closed) {
                        wakeUp.wait(config.pollInterval().toMillis());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void openNewFiles(Map<FileIdentity.Inode, Path> byInode, Map<Path, FileInput> found)
            throws InterruptedException {
        nonText.keepOnly(byInode.keySet());
        for (Map.Entry<FileIdentity.Inode, Path> e : byInode.entrySet()) {
            if (tracked.containsKey(e.getKey()) || !selected(e.getValue())
                    || nonText.skips(e.getKey(), e.getValue(), found.get(e.getValue()))) {
                continue;
            }
            int cap = config.selection().maxOpenFiles();
            if (cap > 0 && tracked.size() >= cap) {
                if (!capWarned) {
                    log.warn("Open file cap reached, more files wait until open ones are forgotten maxOpenFiles={} "
                            + "waiting={}", cap, e.getValue());
                    capWarned = true;
                }
                continue;
            }
            try {
                tracked.put(e.getKey(), opener.open(ctx, e.getValue(), e.getKey(), found.get(e.getValue())));
                log.info("Tailing file file={} dev={} ino={}", e.getValue(), e.getKey().dev(), e.getKey().ino());
            } catch (NoSuchFileException gone) {
                log.debug("File vanished before it was opened file={}", e.getValue());
            } catch (IOException ex) {
                ctx.metrics().recordError();
                fileProblems.warn(e.getValue(), "Cannot open file file={} reason=\"{}\"", PathProblems.reason(ex));
            }
        }
    }

    /** True unless an exclude glob names the file or it is older than {@code ignore_older}. */
    private boolean selected(Path path) {
        if (FileSelection.excluded(excludes, path)) {
            return false;
        }
        Duration ignoreOlder = config.selection().ignoreOlder();
        if (ignoreOlder == null) {
            return true;
        }
        try {
            Instant modified = Files.getLastModifiedTime(path).toInstant();
            return !modified.isBefore(ctx.clock().instant().minus(ignoreOlder));
        } catch (IOException e) {
            return true; // reported when opening it fails
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
                fileProblems.warn(f.path(), "Cannot read file file={} reason=\"{}\"", PathProblems.reason(e));
            }
        }
        ctx.metrics().recordLagBytes(lag);
    }

    static Optional<FileIdentity.Inode> inodeOf(Path path) {
        try {
            return Optional.of(FileIdentity.Inode.of(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Map<Path, FileInput> discover() {
        Map<Path, FileInput> found = new LinkedHashMap<>();
        List<Path> roots = globs.stream().map(Glob::root).distinct().toList();
        for (Glob g : globs) {
            for (Path p : g.matches(folderProblems)) {
                toRead(p, roots).ifPresent(file -> found.putIfAbsent(file, g.input));
            }
        }
        return found;
    }

    /**
     * The file to read for a match: the match itself, or for a symbolic link its target when links
     * are followed and the target is a regular file inside an allowed root. The target is opened
     * by its own path, without following links, so the link cannot be swapped after this check.
     */
    private Optional<Path> toRead(Path match, List<Path> allowed) {
        if (!Files.isSymbolicLink(match)) {
            return Optional.of(match);
        }
        Path target;
        try {
            target = match.toRealPath();
        } catch (IOException e) {
            fileProblems.warn(match, "Not following symbolic link file={} reason=\"{}\"", PathProblems.reason(e));
            return Optional.empty();
        }
        String roots = String.join(", ", allowed.stream().map(Path::toString).toList());
        String refusal = !config.followSymlinks()
                ? "symbolic links are not followed; --follow-symlinks follows those that stay inside " + roots
                : allowed.stream().noneMatch(target::startsWith) ? "the target is outside " + roots
                : !Files.isRegularFile(target) ? "the target is not a regular file" : null;
        if (refusal != null) {
            fileProblems.warn(match, "Not following symbolic link file={} target=" + target + " reason=\"{}\"", refusal);
            return Optional.empty();
        }
        return Optional.of(target);
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
        /** The longest literal folder of the glob: where walks start. */
        private final Path base;
        private final int depth;

        Glob(FileInput input) {
            this.input = input;
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + input.glob());
            List<String> literal = new ArrayList<>();
            String[] parts = input.glob().substring(1).split("/");
            int i = 0;
            while (i < parts.length - 1 && !FileInput.hasGlobChars(parts[i])) {
                literal.add(parts[i]);
                i++;
            }
            this.base = Path.of("/", literal.toArray(String[]::new));
            this.depth = input.glob().contains("**") ? Integer.MAX_VALUE : parts.length - i;
        }

        /** The base with links resolved: a folder a followed link may point into. */
        Path root() {
            try {
                return base.toRealPath();
            } catch (IOException e) {
                return base;
            }
        }

        /**
         * Regular files and symbolic links matching the glob, sorted, named under the base as the
         * glob names it (a base that is a link is walked through its target). A folder that cannot
         * be listed is reported and skipped; the walk goes on. Links to folders below are not
         * walked into.
         */
        List<Path> matches(PathProblems problems) {
            if (!Files.exists(base)) {
                return List.of(); // an application not installed yet: its files appear later
            }
            if (!Files.isDirectory(base)) {
                problems.warn(base, "Cannot list folder folder={} reason=\"{}\"",
                        PathProblems.reason(new NotDirectoryException(base.toString())));
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            Path start = root();
            try {
                Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        Path named = base.resolve(start.relativize(file));
                        if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && matcher.matches(named)) {
                            out.add(named);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.warn(base.resolve(start.relativize(file)), "Cannot list folder folder={} reason=\"{}\"", PathProblems.reason(e));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) {
                            problems.warn(base.resolve(start.relativize(dir)), "Cannot list folder folder={} reason=\"{}\"", PathProblems.reason(e));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                problems.warn(base, "Cannot list folder folder={} reason=\"{}\"", e instanceof IOException io
                        ? PathProblems.reason(io) : e.getMessage());
            }
            out.sort(null);
            return out;
        }
    }
}
