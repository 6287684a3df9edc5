package dev.vigil.shippers.kmsg;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The boot this host is running and when it started, to turn the kernel's monotonic stamps into
 * wall time.
 *
 * @param bootId {@code /proc/sys/kernel/random/boot_id}
 * @param bootedAt wall time of monotonic zero
 */
public record BootClock(String bootId, Instant bootedAt) {
    public BootClock {
        Objects.requireNonNull(bootId, "bootId");
        Objects.requireNonNull(bootedAt, "bootedAt");
    }

    /**
     * Reads the boot of this host from {@code proc} (normally {@code /proc}): boot time is now minus
     * {@code /proc/uptime} (centisecond precision), or {@code btime} of {@code /proc/stat} (seconds)
     * when uptime is unreadable.
     */
    public static BootClock read(Path proc, Clock clock) throws IOException {
        String bootId = Files.readString(proc.resolve("sys/kernel/random/boot_id"), StandardCharsets.US_ASCII).trim();
        return new BootClock(bootId, bootTime(proc, clock));
    }

    private static Instant bootTime(Path proc, Clock clock) throws IOException {
        Path uptime = proc.resolve("uptime");
        if (Files.isReadable(uptime)) {
            String seconds = Files.readString(uptime, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
            long micros = new BigDecimal(seconds).movePointRight(6).longValueExact();
            return clock.instant().minus(Duration.ofNanos(micros * 1000));
        }
        for (String line : Files.readAllLines(proc.resolve("stat"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("btime ")) {
                return Instant.ofEpochSecond(Long.parseLong(line.substring(6).trim()));
            }
        }
        throw new IOException("no uptime in " + uptime + " and no btime in " + proc.resolve("stat"));
    }

    /** The wall time of a kernel stamp in microseconds since boot. */
    public Instant toWallTime(long monotonicMicros) {
        return bootedAt.plusNanos(monotonicMicros * 1000);
    }
}
