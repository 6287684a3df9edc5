package dev.vigil.analyzer.replay;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One saved log to replay.
 *
 * @param path the file ({@code -} is not supported: inputs are read twice, once to learn boot times)
 * @param format its format, or null to detect it from the first line
 * @param fileName for application logs, the path the app wrote to (default: {@code path}): the stream's name
 * @param bootTime for kernel inputs, when the host booted (default: learned from the journal)
 * @param bootId for kernel inputs, the boot id (default: learned from the journal)
 * @param zone zone of application-log stamps that carry none
 */
public record ReplayInput(Path path, InputFormat format, String fileName, Instant bootTime, String bootId, ZoneId zone) {
    public ReplayInput {
        Objects.requireNonNull(path, "path");
        zone = zone == null ? ZoneId.of("UTC") : zone;
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
