package dev.vigil.patterns.library;

import dev.vigil.patterns.lint.PatternLinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;

/**
 * The standard library's files compiled to run, begun on a thread of their own as soon as a
 * command that runs patterns starts: compiling them cold is most of a replay's start-up, and this
 * way it overlaps the JVM's reading of the command line and takes the second core. The next set
 * loaded to run ({@link PatternLoader#load}) takes them, once; it compiles each file whose task
 * the thread has not begun itself (the thread works from the last file, the loader from the
 * first), so nothing waits for a file nobody compiles and the result is the same as without.
 */
public final class LibraryPreload {
    private static final AtomicReference<LibraryPreload> STARTED = new AtomicReference<>();

    private final Map<String, String> library;
    private final Map<String, FutureTask<PatternLinter.Result>> tasks;

    private LibraryPreload(Map<String, String> library) {
        this.library = library;
        this.tasks = new LinkedHashMap<>();
        library.forEach((path, text) -> tasks.put(path, new FutureTask<>(() -> ParsedLibrary.compile(path, text))));
    }

    /** Begins compiling the library for the next set loaded to run; a second call before that does nothing. */
    public static void start() {
        // logging set up first, here: what one thread logs while another sets it up, slf4j replays
        // afterwards with a warning of its own on stderr
        LoggerFactory.getILoggerFactory();
        LibraryPreload preload = new LibraryPreload(PatternLoader.library());
        if (STARTED.compareAndSet(null, preload)) {
            Thread thread = new Thread(preload::runFromTheLast, "vigil-library-compile");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The compile begun by {@link #start}, handed to one caller; null when none was begun. */
    static LibraryPreload take() {
        return STARTED.getAndSet(null);
    }

    /** The library's files as read for this compile, resource path to text, in index order (a copy). */
    Map<String, String> library() {
        return new LinkedHashMap<>(library);
    }

    private void runFromTheLast() {
        List<FutureTask<PatternLinter.Result>> backwards = new ArrayList<>(tasks.values());
        for (int i = backwards.size() - 1; i >= 0; i--) {
            backwards.get(i).run(); // does nothing when the loader began it first
        }
    }

    /**
     * Library file {@code path} compiled: by the thread, or now on the caller's, when the thread
     * has not begun it; {@code null} when {@code path} is not a library file of this compile.
     */
    PatternLinter.Result compiled(String path) {
        FutureTask<PatternLinter.Result> task = tasks.get(path);
        if (task == null) {
            return null;
        }
        task.run();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the library compiled", e);
        } catch (ExecutionException e) {
            // as if compiled here: the compiler's own exception, not a wrapper
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
