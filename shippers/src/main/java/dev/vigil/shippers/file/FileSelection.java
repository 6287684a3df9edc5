package dev.vigil.shippers.file;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.List;

/**
 * Which of the files the inputs match are opened.
 *
 * @param excludes globs of files never opened ({@code /var/log/app/*.gz}); default none
 * @param ignoreOlder a file not modified for this long is not opened (a file already open is
 *     read on); null (the default) opens any
 * @param maxOpenFiles files open at once at most; more are opened as open ones are forgotten.
 *     0 (the default) for no cap
 */
public record FileSelection(List<String> excludes, Duration ignoreOlder, int maxOpenFiles) {
    public FileSelection {
        excludes = List.copyOf(excludes);
        if (ignoreOlder != null && (ignoreOlder.isNegative() || ignoreOlder.isZero())) {
            throw new IllegalArgumentException("ignoreOlder must be positive: " + ignoreOlder);
        }
        if (maxOpenFiles < 0) throw new IllegalArgumentException("maxOpenFiles < 0: " + maxOpenFiles);
    }

    /** Every matching file. */
    public static FileSelection all() {
        return new FileSelection(List.of(), null, 0);
    }

    /** Matchers of the exclude globs. */
    List<PathMatcher> excludeMatchers() {
        return excludes.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    /** True when {@code path} is excluded by a glob. */
    static boolean excluded(List<PathMatcher> matchers, Path path) {
        return matchers.stream().anyMatch(m -> m.matches(path));
    }
}
