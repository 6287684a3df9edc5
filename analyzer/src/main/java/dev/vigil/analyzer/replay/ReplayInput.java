package dev.vigil.analyzer.replay;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One saved log to replay.
 *
 * @param path the file, a regular one: inputs are read more than once (format, boot times, events), so
 *     {@code vigil replay} copies standard input and pipes to a file first
 * @param format its format, or null to detect it from the first line
 * @param fileName for application logs, the path the app wrote to (default: {@code path}): the stream's name
 * @param bootTime for kernel inputs, when the host booted (default: learned from the journal)
 * @param bootId for kernel inputs, the boot id (default: learned from the journal)
 * @param zone zone of stamps that carry none; null for the format's default (see {@link #zoneOr})
 */
public record ReplayInput(Path path, InputFormat format, String fileName, Instant bootTime, String bootId, ZoneId zone) {
    public ReplayInput {
        Objects.requireNonNull(path, "path");
    }

    /**
     * The zone of stamps without one, or {@code fallback} when none was given: a syslog file or
     * {@code dmesg -T} output is in the local time of the host that wrote it, which is most often
     * the one replaying it; an application log's default is UTC.
     */
    public ZoneId zoneOr(ZoneId fallback) {
        return zone != null ? zone : fallback;
    }

    /** A file whose format is detected and whose name is its own path. */
    public static ReplayInput of(Path path) {
        return new ReplayInput(path, null, null, null, null, null);
    }

    /** The stream name of an application log. */
    public String streamName() {
        return fileName != null ? fileName : path.toString();
    }
}
