package dev.vigil.shippers.kmsg;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the kernel source.
 *
 * @param enabled read kernel messages at all; default true
 * @param device the kmsg device; default {@code /dev/kmsg}
 * @param proc where {@code uptime}, {@code stat} and {@code sys/kernel/random/boot_id} are read;
 *     default {@code /proc}
 */
public record KmsgSourceConfig(boolean enabled, Path device, Path proc) {
    public KmsgSourceConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(proc, "proc");
    }

    /** {@code /dev/kmsg} with {@code /proc}. */
    public static KmsgSourceConfig defaults() {
        return new KmsgSourceConfig(true, Path.of("/dev/kmsg"), Path.of("/proc"));
    }

    /** Disabled. */
    public static KmsgSourceConfig disabled() {
        return new KmsgSourceConfig(false, Path.of("/dev/kmsg"), Path.of("/proc"));
    }
}
