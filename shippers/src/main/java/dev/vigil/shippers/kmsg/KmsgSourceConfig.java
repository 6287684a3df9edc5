package dev.vigil.shippers.kmsg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the kernel source.
 *
 * @param enabled read kernel messages at all; default true
 * @param device the kmsg device; default {@code /dev/kmsg}
 * @param proc where {@code uptime}, {@code stat} and {@code sys/kernel/random/boot_id} are read;
 *     default {@code /proc}
 * @param firstStartLookBack on a first start (no position saved for any boot), ship the records
 *     of this last stretch only, or the whole ring buffer when null; default
 *     {@link #DEFAULT_LOOK_BACK}. A host up for weeks holds old kills in its buffer, and they
 *     would print as news. A new boot after a saved position is always read from its start.
 */
public record KmsgSourceConfig(boolean enabled, Path device, Path proc, Duration firstStartLookBack) {
    /** What a first start ships of the ring buffer, as for the journal. */
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofHours(1);

    public KmsgSourceConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(proc, "proc");
        if (firstStartLookBack != null && firstStartLookBack.isNegative()) {
            throw new IllegalArgumentException("kmsg first start look-back is negative: " + firstStartLookBack);
        }
    }

    /** A device whose whole buffer a first start ships. */
    public KmsgSourceConfig(boolean enabled, Path device, Path proc) {
        this(enabled, device, proc, null);
    }

    /** {@code /dev/kmsg} with {@code /proc}. */
    public static KmsgSourceConfig defaults() {
        return new KmsgSourceConfig(true, Path.of("/dev/kmsg"), Path.of("/proc"), DEFAULT_LOOK_BACK);
    }

    /** These settings with another first-start look-back (null: the whole buffer). */
    public KmsgSourceConfig withFirstStartLookBack(Duration lookBack) {
        return new KmsgSourceConfig(enabled, device, proc, lookBack);
    }

    /** Disabled. */
    public static KmsgSourceConfig disabled() {
        return new KmsgSourceConfig(false, Path.of("/dev/kmsg"), Path.of("/proc"));
    }
}
