package dev.vigil.shippers.file;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the file tailer.
 *
 * @param inputs paths and globs to tail; default none
 * @param pollInterval how often files are looked for and read; default 250 ms
 * @param partialTimeout a last line without newline that does not grow for this long is shipped
 *     with {@code partial: true}; default 5 s
 * @param multilineTimeout a joined multiline event is shipped when no line came for this long;
 *     default 1 s
 * @param forgetAfter a rotated-away or deleted file that stopped growing is closed and forgotten
 *     after this long; default 60 s
 * @param maxLineBytes lines (and joined multiline events, their newlines included) are cut at this
 *     many bytes and flagged {@code line_truncated}; default 1 MiB. An event's JSON is at most six
 *     times this plus its other fields (a control byte is escaped as <code>&#92;u00XX</code>), which the
 *     default 8 MiB record limit holds for 1 MiB; with a larger cap, events over it are cut to fit
 * @param zone zone of line stamps that carry none; default the system zone
 * @param followSymlinks follow a symbolic link matching an input to its target, when the target is
 *     a file inside the folders the inputs name; default false: links are skipped with a WARN
 * @param selection exclude globs, age and open-file cap; default every matching file
 */
public record FileTailConfig(List<FileInput> inputs, Duration pollInterval, Duration partialTimeout,
        Duration multilineTimeout, Duration forgetAfter, int maxLineBytes, ZoneId zone, boolean followSymlinks,
        FileSelection selection) {
    public FileTailConfig {
        Objects.requireNonNull(selection, "selection");
        inputs = List.copyOf(inputs);
        requirePositive(pollInterval, "pollInterval");
        requirePositive(partialTimeout, "partialTimeout");
        requirePositive(multilineTimeout, "multilineTimeout");
        requirePositive(forgetAfter, "forgetAfter");
        if (maxLineBytes < 64) throw new IllegalArgumentException("maxLineBytes < 64: " + maxLineBytes);
        Objects.requireNonNull(zone, "zone");
    }

    /** Settings opening every matching file. */
    public FileTailConfig(List<FileInput> inputs, Duration pollInterval, Duration partialTimeout,
            Duration multilineTimeout, Duration forgetAfter, int maxLineBytes, ZoneId zone, boolean followSymlinks) {
        this(inputs, pollInterval, partialTimeout, multilineTimeout, forgetAfter, maxLineBytes, zone, followSymlinks,
                FileSelection.all());
    }

    /** Settings that do not follow symbolic links. */
    public FileTailConfig(List<FileInput> inputs, Duration pollInterval, Duration partialTimeout,
            Duration multilineTimeout, Duration forgetAfter, int maxLineBytes, ZoneId zone) {
        this(inputs, pollInterval, partialTimeout, multilineTimeout, forgetAfter, maxLineBytes, zone, false,
                FileSelection.all());
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
    }

    /** The defaults, tailing {@code inputs}. */
    public static FileTailConfig defaults(List<FileInput> inputs) {
        return new FileTailConfig(inputs, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(60), 1024 * 1024, ZoneId.systemDefault());
    }

    /** A copy with other inputs. */
    public FileTailConfig withInputs(List<FileInput> other) {
        return new FileTailConfig(other, pollInterval, partialTimeout, multilineTimeout, forgetAfter, maxLineBytes, zone,
                followSymlinks, selection);
    }

    /** A copy that follows symbolic links (inside the folders the inputs name) or not. */
    public FileTailConfig withFollowSymlinks(boolean follow) {
        return new FileTailConfig(inputs, pollInterval, partialTimeout, multilineTimeout, forgetAfter, maxLineBytes, zone,
                follow, selection);
    }

    /** A copy selecting files by {@code other}. */
    public FileTailConfig withSelection(FileSelection other) {
        return new FileTailConfig(inputs, pollInterval, partialTimeout, multilineTimeout, forgetAfter, maxLineBytes, zone,
                followSymlinks, other);
    }
}
