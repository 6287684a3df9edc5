package dev.vigil.shippers.journald;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param firstStartLookBack on a first start (no saved cursor), read the entries of this last
 *     stretch only, or the whole journal when null. The system journal defaults to
 *     {@link #SYSTEM_LOOK_BACK}: a host's journal may hold months, and old crash loops replayed
 *     at once would print as incidents happening now. Other journals (a folder or files named
 *     on purpose) are read whole.
 * @param filter which entries are read and shipped; default all
 */
public record JournaldSourceConfig(boolean enabled, Path journalctl, Path directory, List<Path> files,
        Duration firstStartLookBack, JournalFilter filter) {
    /** What a first start reads of the system journal: enough to see a crash loop already going on. */
    public static final Duration SYSTEM_LOOK_BACK = Duration.ofHours(1);

    public JournaldSourceConfig {
        Objects.requireNonNull(journalctl, "journalctl");
        Objects.requireNonNull(filter, "filter");
        files = List.copyOf(files);
        if (firstStartLookBack != null && firstStartLookBack.isNegative()) {
            throw new IllegalArgumentException("journald first start look-back is negative: " + firstStartLookBack);
        }
        if (directory != null && !files.isEmpty()) {
            throw new IllegalArgumentException("journald directory and files are exclusive: directory="
                    + directory + " files=" + files);
        }
    }

    /** Every entry of the journal. */
    public JournaldSourceConfig(boolean enabled, Path journalctl, Path directory, List<Path> files,
            Duration firstStartLookBack) {
        this(enabled, journalctl, directory, files, firstStartLookBack, JournalFilter.none());
    }

    /** A journal read whole on a first start. */
    public JournaldSourceConfig(boolean enabled, Path journalctl, Path directory, List<Path> files) {
        this(enabled, journalctl, directory, files, null);
    }

    /** The system journal through {@code journalctl} on the {@code PATH}, from {@link #SYSTEM_LOOK_BACK} ago on a first start. */
    public static JournaldSourceConfig defaults() {
        return new JournaldSourceConfig(true, Path.of("journalctl"), null, List.of(), SYSTEM_LOOK_BACK);
    }

    /** Disabled. */
    public static JournaldSourceConfig disabled() {
        return new JournaldSourceConfig(false, Path.of("journalctl"), null, List.of());
    }

    /** These settings with another first-start look-back (null: the whole journal). */
    public JournaldSourceConfig withFirstStartLookBack(Duration lookBack) {
        return new JournaldSourceConfig(enabled, journalctl, directory, files, lookBack, filter);
    }

    /** These settings with another filter. */
    public JournaldSourceConfig withFilter(JournalFilter other) {
        return new JournaldSourceConfig(enabled, journalctl, directory, files, firstStartLookBack, other);
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
