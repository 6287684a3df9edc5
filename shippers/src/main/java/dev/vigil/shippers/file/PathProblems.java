package dev.vigil.shippers.file;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The problems of the tailer's paths (a file it cannot open, a folder it cannot list, a link it
 * does not follow), logged when one appears or its reason changes and once when it clears,
 * instead of at every poll: a file that stays unreadable is one line, not four a second.
 * A problem not reported again during a poll has cleared.
 */
final class PathProblems {
    private final Logger log;
    private final Map<Path, String> current = new HashMap<>();
    private final Set<Path> seenThisPoll = new HashSet<>();

    PathProblems(Logger log) {
        this.log = log;
    }

    /**
     * Logs {@code message} (a format whose two arguments are the path and the reason) at WARN,
     * unless this reason is what was logged last for {@code path}.
     */
    void warn(Path path, String message, String reason) {
        seenThisPoll.add(path);
        if (!reason.equals(current.put(path, reason))) {
            log.warn(message, path, reason);
        }
    }

    /** Ends a poll: problems not reported during it have cleared. */
    void endPoll(String kind) {
        for (Iterator<Map.Entry<Path, String>> it = current.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, String> e = it.next();
            if (!seenThisPoll.contains(e.getKey())) {
                log.info("Problem cleared {}={} was=\"{}\"", kind, e.getKey(), e.getValue());
                it.remove();
            }
        }
        seenThisPoll.clear();
    }

    /**
     * The reason in words with its errno where Java names one: an {@link AccessDeniedException}'s
     * message is only the path, which says nothing.
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (EACCES)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory (ENOENT)";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory (ENOTDIR)";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
