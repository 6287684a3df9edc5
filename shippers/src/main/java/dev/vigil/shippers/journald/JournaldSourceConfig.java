package dev.vigil.shippers.journald;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the journald source.
 *
 * @param enabled read the journal at all; default true
 * @param journalctl the {@code journalctl} binary; default {@code journalctl} from {@code PATH}
 * @param directory read the journal files of this folder ({@code --directory}) instead of the
 *     system journal; default none
 * @param files read these journal files ({@code --file}); default none
 */
public record JournaldSourceConfig(boolean enabled, Path journalctl, Path directory, List<Path> files) {
    public JournaldSourceConfig {
        Objects.requireNonNull(journalctl, "journalctl");
        files = List.copyOf(files);
        if (directory != null && !files.isEmpty()) {
            throw new IllegalArgumentException("journald directory and files are exclusive: directory="
                    + directory + " files=" + files);
        }
    }

    /** The system journal through {@code journalctl} on the {@code PATH}. */
    public static JournaldSourceConfig defaults() {
        return new JournaldSourceConfig(true, Path.of("journalctl"), null, List.of());
    }

    /** Disabled. */
    public static JournaldSourceConfig disabled() {
        return new JournaldSourceConfig(false, Path.of("journalctl"), null, List.of());
    }

    /** The checkpoint key of the journal this config reads. */
    public String streamKey() {
        if (directory != null) {
            return "journald/dir:" + directory;
        }
        if (!files.isEmpty()) {
            return "journald/files:" + files;
        }
        return "journald/system";
    }
}
