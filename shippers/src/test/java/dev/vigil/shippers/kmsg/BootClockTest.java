package dev.vigil.shippers.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootClockTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T02:11:07Z"), ZoneOffset.UTC);

    @TempDir Path proc;

    private void writeBootId() throws IOException {
        Files.createDirectories(proc.resolve("sys/kernel/random"));
        Files.writeString(proc.resolve("sys/kernel/random/boot_id"), "0407d3cf-0186-4e81-b2b7-aa77d3597014\n");
    }

    @Test
    void shouldDeriveBootTimeFromUptime() throws IOException {
        writeBootId();
        Files.writeString(proc.resolve("uptime"), "355.13 526.17\n");

        BootClock boot = BootClock.read(proc, CLOCK);

        assertEquals(new BootClock("0407d3cf-0186-4e81-b2b7-aa77d3597014",
                Instant.parse("2026-03-14T02:05:11.870Z")), boot);
        assertEquals(Instant.parse("2026-03-14T02:05:12.870001Z"), boot.toWallTime(1_000_001));
    }

    @Test
    void shouldFallBackToBtimeOfProcStat() throws IOException {
        writeBootId();
        Files.writeString(proc.resolve("stat"), "cpu  1 2 3\nbtime 1773454000\nprocesses 9\n");

        assertEquals(Instant.ofEpochSecond(1773454000), BootClock.read(proc, CLOCK).bootedAt());
    }

    @Test
    void shouldParseRelativeAndCtimeDmesgStamps() {
        DmesgTextParser parser = new DmesgTextParser(Instant.parse("2026-03-14T00:00:00Z"), ZoneId.of("UTC"));

        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(Instant.parse("2026-03-14T00:02:03.456789Z"),
                "Out of memory: Killed process 4242 (uvicorn)", null, null)),
                parser.parse("[  123.456789] Out of memory: Killed process 4242 (uvicorn)"));
        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(Instant.parse("2026-03-14T02:11:07Z"),
                "oom-kill:constraint=CONSTRAINT_NONE", null, null)),
                parser.parse("[Sat Mar 14 02:11:07 2026] oom-kill:constraint=CONSTRAINT_NONE"));
        assertEquals(Optional.of(new DmesgTextParser.DmesgLine(Instant.parse("2026-03-14T00:00:01Z"),
                "eth0: link up", 0, 6)),
                parser.parse("<6>[    1.000000] eth0: link up"));
        assertEquals(Optional.empty(), parser.parse("no stamp here"));
    }
}
